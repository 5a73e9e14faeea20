package mn.sanal.petitions.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.organisations.Body;
import mn.sanal.organisations.CaseAccess;
import mn.sanal.organisations.OrganisationService;
import mn.sanal.petitions.CitizenNotifier;
import mn.sanal.petitions.CitizenTexts;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.petitions.PetitionService;
import mn.sanal.petitions.PetitionStatus;

/**
 * Hands the case to another body. The legal due date does not move: the clock runs from the citizen's petition,
 * not from the transfer, and the new body sees the days it really has. The old body loses access.
 */
@Component("transferPetition")
class TransferPetition implements JavaDelegate {

    private final OrganisationService organisations;
    private final PetitionService petitions;
    private final CaseAccess access;
    private final CitizenNotifier notifier;

    TransferPetition(OrganisationService organisations, PetitionService petitions, CaseAccess access,
                     CitizenNotifier notifier) {
        this.organisations = organisations;
        this.petitions = petitions;
        this.access = access;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ProcessVariables.petitionId(execution, petitions);
        String code = ProcessVariables.string(execution, Vars.TRANSFER_BODY);
        Body to = organisations.body(code)
                .orElseThrow(() -> new IllegalStateException("Unknown body '" + code + "'"));
        String fromGroup = ProcessVariables.string(execution, Vars.BODY_GROUP);
        int transfersBefore = petitions.countEvents(id, PetitionStatus.TRANSFERRED);
        petitions.transfer(id, to.code(), ProcessVariables.actor(execution),
                "Шилжүүлэв: " + to.nameMn() + ". " + ProcessVariables.string(execution, Vars.TRANSFER_REASON));
        if (fromGroup != null && !fromGroup.equals(to.groupId())) {
            access.revokeGroup(execution.getProcessInstanceId(), fromGroup);
        }
        BodyVariables.set(execution, to, access);
        Petition p = petitions.get(id);
        notifier.tell(p, "TRANSFERRED", Integer.toString(transfersBefore + 1),
                CitizenTexts.transferred(p, to.nameMn()));
    }
}
