package mn.sanal.petitions.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.organisations.Body;
import mn.sanal.organisations.CaseAccess;
import mn.sanal.organisations.OrganisationService;
import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.petitions.PetitionService;

/** Gives the petition to the routed (or triaged) body: its officials, its head and the aimag's supervisors. */
@Component("assignBody")
class AssignBody implements JavaDelegate {

    private final OrganisationService organisations;
    private final PetitionService petitions;
    private final CaseAccess access;

    AssignBody(OrganisationService organisations, PetitionService petitions, CaseAccess access) {
        this.organisations = organisations;
        this.petitions = petitions;
        this.access = access;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = ProcessVariables.string(execution, Vars.ROUTED_BODY);
        Body body = organisations.body(code)
                .orElseThrow(() -> new IllegalStateException("Unknown body '" + code + "'"));
        BodyVariables.set(execution, body, access);
        boolean triaged = execution.getVariable(Vars.TRIAGE_GROUP) != null;
        petitions.assign(ProcessVariables.petitionId(execution, petitions), body.code(), ProcessVariables.actor(execution),
                (triaged ? "Ангилан хуваарилав: " : "Хуваарилав: ") + body.nameMn());
    }
}
