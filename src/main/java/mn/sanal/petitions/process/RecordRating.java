package mn.sanal.petitions.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.petitions.CitizenNotifier;
import mn.sanal.petitions.CitizenTexts;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionHandlingProcess.Data;
import mn.sanal.petitions.PetitionService;
import mn.sanal.petitions.PetitionStatus;

/**
 * Stores the citizen's rating, decides whether it is low ({@code lowRatingThreshold} of PetitionDeadlines.dmn, its one
 * home; Gateway_LowRating reads {@code lowRating}) and thanks the citizen, saying what happens next. Runs in the
 * transaction that delivered the rating, so the petition leaves ANSWERED as the process stops waiting for a rating.
 */
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
        int rating = Data.CITIZEN_RATING.get(execution);
        boolean low = rating <= Data.LOW_RATING_THRESHOLD.get(execution);
        Data.LOW_RATING.set(execution, low);
        petitions.rate(id, rating, low);
        Petition p = petitions.get(id);
        notifier.tell(p, "RATED", Integer.toString(petitions.countEvents(id, PetitionStatus.ANSWERED)),
                CitizenTexts.thanksForRating(p, low));
    }
}
