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

/** Records the official's answer and sends it to the citizen with the request to rate it 1-5. */
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
        petitions.answer(id, ProcessVariables.string(execution, Vars.ANSWER_TEXT),
                ProcessVariables.string(execution, Vars.OUTCOME), ProcessVariables.actor(execution));
        execution.removeVariable(Vars.CITIZEN_RATING);
        Petition p = petitions.get(id);
        notifier.tell(p, "ANSWERED", Integer.toString(answersBefore + 1), CitizenTexts.answered(p));
    }
}
