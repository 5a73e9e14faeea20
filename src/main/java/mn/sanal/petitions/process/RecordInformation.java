package mn.sanal.petitions.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.petitions.PetitionService;

/**
 * The citizen answered the question (intake kept the text in the case history): the case is the official's again.
 * Runs in the transaction that delivered the answer, so the petition leaves WAITING_FOR_CITIZEN exactly when the
 * process stops waiting for it.
 */
@Component("recordInformation")
class RecordInformation implements JavaDelegate {

    private final PetitionService petitions;

    RecordInformation(PetitionService petitions) {
        this.petitions = petitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        petitions.informationReceived(ProcessVariables.petitionId(execution, petitions));
    }
}
