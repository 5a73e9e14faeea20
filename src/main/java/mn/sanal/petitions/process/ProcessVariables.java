package mn.sanal.petitions.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.petitions.PetitionService;

/** Typed reads of the petition process's variables, shared by its delegates and listeners. */
final class ProcessVariables {

    private ProcessVariables() {
    }

    /**
     * The petition this process instance handles. The variable is checked against the petition's own link to its
     * process instance: a case never acts on another case's petition, however its variables were changed.
     */
    static long petitionId(VariableScope scope, PetitionService petitions) {
        long id = ((Number) scope.getVariable(Vars.PETITION_ID)).longValue();
        petitions.requireProcessInstance(id, processInstanceId(scope));
        return id;
    }

    private static String processInstanceId(VariableScope scope) {
        if (scope instanceof DelegateExecution execution) {
            return execution.getProcessInstanceId();
        }
        if (scope instanceof DelegateTask task) {
            return task.getProcessInstanceId();
        }
        throw new IllegalArgumentException("Not a process scope: " + scope);
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
