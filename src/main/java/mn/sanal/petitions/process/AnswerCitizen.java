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
 * Records the official's answer and sends it to the citizen with the request to rate it 1-5, within
 * {@code ratingDueDate} (now + {@code ratingWaitDays} of PetitionDeadlines.dmn).
 */
@Component("answerCitizen")
class AnswerCitizen implements JavaDelegate {

    private final PetitionService petitions;
    private final CitizenNotifier notifier;

    AnswerCitizen(PetitionService petitions, CitizenNotifier notifier) {
        this.petitions = petitions;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ProcessVariables.petitionId(execution, petitions);
        int answersBefore = petitions.countEvents(id, PetitionStatus.ANSWERED);
        petitions.answer(id, ProcessVariables.text(execution, Data.ANSWER_TEXT),
                ProcessVariables.text(execution, Data.OUTCOME), ProcessVariables.actor(execution));
        Data.CITIZEN_RATING.remove(execution);
        Data.LOW_RATING.remove(execution);
        DueDates.awaitRating(execution);
        Petition p = petitions.get(id);
        notifier.tell(p, "ANSWERED", Integer.toString(answersBefore + 1), CitizenTexts.answered(p));
    }
}
