package mn.sanal.petitions.process;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionHandlingProcess.Data;
import mn.sanal.petitions.PetitionService;
import mn.sanal.platform.ProcessVariable;

/** Reads of the petition process's variables that need more than their type, shared by delegates and listeners. */
final class ProcessVariables {

    private ProcessVariables() {
    }

    /**
     * The petition this process instance handles. The variable is checked against the petition's own link to its
     * process instance: a case never acts on another case's petition, however its variables were changed.
     */
    static long petitionId(VariableScope scope, PetitionService petitions) {
        long id = Data.PETITION_ID.get(scope);
        petitions.requireProcessInstance(id, processInstanceId(scope));
        return id;
    }

    /**
     * The petition this process was started for, in one read: the row's link to the process instance is compared
     * with this scope's, and a mismatch fails as {@link #petitionId} does.
     */
    static Petition petition(VariableScope scope, PetitionService petitions) {
        long id = Data.PETITION_ID.get(scope);
        String processInstanceId = processInstanceId(scope);
        Optional<Petition> p = petitions.find(id);
        if (p.isPresent() && processInstanceId != null && processInstanceId.equals(p.get().processInstanceId())) {
            return p.get();
        }
        petitions.requireProcessInstance(id, processInstanceId); // fails, naming both
        return petitions.get(id);
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

    /** What an official typed, stripped; null when absent or blank. */
    static String text(VariableScope scope, ProcessVariable<String> variable) {
        String v = variable.orNull(scope);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Who did the last user task; "system" when no person did. */
    static String actor(VariableScope scope) {
        String a = text(scope, Data.LAST_ACTOR);
        return a == null ? PetitionService.ACTOR_SYSTEM : a;
    }
}
