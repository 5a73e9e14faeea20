package mn.sanal.petitions.process;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.organisations.Body;
import mn.sanal.organisations.CaseAccess;
import mn.sanal.organisations.OrganisationService;
import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.petitions.PetitionService;

/**
 * Reads the PetitionRouting decision (a body kind, or an explicit body) and finds that body for the petition's
 * place. No body found: the petition goes to triage, and the triage group may see the case.
 */
@Component("findResponsibleBody")
class FindResponsibleBody implements JavaDelegate {

    private final OrganisationService organisations;
    private final PetitionService petitions;
    private final CaseAccess access;

    FindResponsibleBody(OrganisationService organisations, PetitionService petitions, CaseAccess access) {
        this.organisations = organisations;
        this.petitions = petitions;
        this.access = access;
    }

    @Override
    public void execute(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> routing = (Map<String, Object>) execution.getVariable(Vars.ROUTING);
        execution.removeVariable(Vars.ROUTING);
        String soum = ProcessVariables.string(execution, Vars.SOUM);
        String aimag = ProcessVariables.string(execution, Vars.AIMAG);
        Optional<Body> body = Optional.empty();
        if (routing != null && routing.get("bodyCode") instanceof String code && !code.isBlank()) {
            body = organisations.body(code);
        }
        if (body.isEmpty() && routing != null && routing.get("bodyKind") instanceof String kind) {
            body = organisations.findBody(Body.Kind.valueOf(kind), soum, aimag);
        }
        execution.setVariable(Vars.ROUTED_BODY, body.map(Body::code).orElse(null));
        if (body.isEmpty()) {
            String triageGroup = organisations.triageGroup(soum, aimag);
            execution.setVariable(Vars.TRIAGE_GROUP, triageGroup);
            access.grantGroup(execution.getProcessInstanceId(), triageGroup);
            petitions.markTriage(ProcessVariables.petitionId(execution, petitions));
        }
    }
}
