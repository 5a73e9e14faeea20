package mn.sanal.petitions.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.petitions.CitizenNotifier;
import mn.sanal.petitions.CitizenTexts;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionService;

/** Tells the citizen the tracking code and the due date, on the channel they used. */
@Component("acknowledgeCitizen")
class AcknowledgeCitizen implements JavaDelegate {

    private final PetitionService petitions;
    private final CitizenNotifier notifier;

    AcknowledgeCitizen(PetitionService petitions, CitizenNotifier notifier) {
        this.petitions = petitions;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Petition p = ProcessVariables.petition(execution, petitions);
        notifier.tell(p, "ACKNOWLEDGED", null, CitizenTexts.acknowledged(p));
    }
}
