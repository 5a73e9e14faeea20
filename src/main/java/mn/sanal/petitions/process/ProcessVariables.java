package mn.sanal.petitions.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;

import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.petitions.PetitionService;

/** Typed reads of the petition process's variables, shared by its delegates and listeners. */
final class ProcessVariables {

    private ProcessVariables() {
    }

    static long petitionId(VariableScope scope) {
        return ((Number) scope.getVariable(Vars.PETITION_ID)).longValue();
    }

    static String string(VariableScope scope, String name) {
        Object v = scope.getVariable(name);
        return v == null ? null : v.toString().strip();
    }

    static Integer integer(VariableScope scope, String name) {
        Object v = scope.getVariable(name);
        if (v instanceof Number n) {
            return n.intValue();
        }
        if (v instanceof String s && !s.isBlank()) {
            return Integer.valueOf(s.strip());
        }
        return null;
    }

    static Date date(VariableScope scope, String name) {
        return (Date) scope.getVariable(name);
    }

    /** Who did the last user task; "system" when no person did. */
    static String actor(VariableScope scope) {
        String a = string(scope, Vars.LAST_ACTOR);
        return a == null ? PetitionService.ACTOR_SYSTEM : a;
    }
}
