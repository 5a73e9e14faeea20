package mn.sanal.petitions.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.petitions.PetitionService;
import mn.sanal.petitions.PetitionType;

/** Closes the case: thanks passed on, rated, confirmed by the supervisor, or no rating came within the wait. */
@Component("closePetition")
class ClosePetition implements JavaDelegate {

    private final PetitionService petitions;

    ClosePetition(PetitionService petitions) {
        this.petitions = petitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (PetitionType.THANKS.name().equals(ProcessVariables.string(execution, Vars.PETITION_TYPE))) {
            petitions.close(ProcessVariables.petitionId(execution, petitions), ProcessVariables.actor(execution),
                    "Талархлыг байгууллагад уламжилсан");
            return;
        }
        Integer rating = ProcessVariables.integer(execution, Vars.CITIZEN_RATING);
        String note = rating == null ? "Үнэлгээ ирээгүй тул хаав" : "Иргэний үнэлгээ: " + rating;
        String review = ProcessVariables.string(execution, Vars.REVIEW_NOTE);
        if (rating != null && rating <= 2 && review != null) {
            note += ". Хяналт: " + review;
        }
        petitions.close(ProcessVariables.petitionId(execution, petitions), ProcessVariables.actor(execution), note);
    }
}
