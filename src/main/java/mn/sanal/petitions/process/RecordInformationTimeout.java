package mn.sanal.petitions.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.petitions.PetitionService;

/** The citizen did not answer in time: the case goes back to the official with what there is. */
@Component("recordInformationTimeout")
class RecordInformationTimeout implements JavaDelegate {

    private final PetitionService petitions;

    RecordInformationTimeout(PetitionService petitions) {
        this.petitions = petitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        petitions.informationTimedOut(ProcessVariables.petitionId(execution, petitions));
    }
}
