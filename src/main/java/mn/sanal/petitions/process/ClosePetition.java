package mn.sanal.petitions.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.petitions.PetitionHandlingProcess.Data;
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
        long id = ProcessVariables.petitionId(execution, petitions);
        if (Data.PETITION_TYPE.get(execution) == PetitionType.THANKS) {
            petitions.close(id, ProcessVariables.actor(execution), "Талархлыг байгууллагад уламжилсан");
            return;
        }
        Integer rating = Data.CITIZEN_RATING.orNull(execution);
        String note = rating == null ? "Үнэлгээ ирээгүй тул хаав" : "Иргэний үнэлгээ: " + rating;
        String review = ProcessVariables.text(execution, Data.REVIEW_NOTE);
        if (Boolean.TRUE.equals(Data.LOW_RATING.orNull(execution)) && review != null) {
            note += ". Хяналт: " + review;
        }
        petitions.close(id, ProcessVariables.actor(execution), note);
    }
}
