package mn.sanal.petitions.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.petitions.CitizenNotifier;
import mn.sanal.petitions.CitizenTexts;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.petitions.PetitionService;
import mn.sanal.petitions.PetitionStatus;

/** Stores the citizen's rating and thanks them, saying what happens next. */
@Component("recordRating")
class RecordRating implements JavaDelegate {

    private final PetitionService petitions;
    private final CitizenNotifier notifier;

    RecordRating(PetitionService petitions, CitizenNotifier notifier) {
        this.petitions = petitions;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ProcessVariables.petitionId(execution, petitions);
        int rating = ProcessVariables.integer(execution, Vars.CITIZEN_RATING);
        petitions.rate(id, rating);
        Petition p = petitions.get(id);
        notifier.tell(p, "RATED", Integer.toString(petitions.countEvents(id, PetitionStatus.ANSWERED)),
                CitizenTexts.thanksForRating(p, rating));
    }
}
