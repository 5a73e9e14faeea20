package mn.sanal.petitions.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import mn.sanal.organisations.Body;
import mn.sanal.organisations.CaseAccess;
import mn.sanal.organisations.Groups;
import mn.sanal.petitions.PetitionHandlingProcess.Data;

/** The variables the model's task assignments read for the body that holds the case, and its access to it. */
final class BodyVariables {

    private BodyVariables() {
    }

    static void set(DelegateExecution execution, Body body, CaseAccess access) {
        String supervisors = Groups.supervisors(body.aimagCode());
        Data.BODY_GROUP.set(execution, body.groupId());
        Data.BODY_HEAD.set(execution, body.headUserId());
        Data.SUPERVISOR_GROUP.set(execution, supervisors);
        String pi = execution.getProcessInstanceId();
        access.grantGroup(pi, body.groupId());
        access.grantUser(pi, body.headUserId());
        access.grantGroup(pi, supervisors);
    }
}
