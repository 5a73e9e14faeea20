package mn.sanal.petitions.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.petitions.PetitionService;

/** The head refused the extension: the case history says so and the official works to the original date. */
@Component("recordExtensionRefused")
class RecordExtensionRefused implements JavaDelegate {

    private final PetitionService petitions;

    RecordExtensionRefused(PetitionService petitions) {
        this.petitions = petitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String note = ProcessVariables.string(execution, Vars.APPROVAL_NOTE);
        petitions.note(ProcessVariables.petitionId(execution, petitions), ProcessVariables.actor(execution),
                "Хугацаа сунгах хүсэлтийг татгалзав" + (note == null || note.isBlank() ? "" : ": " + note));
    }
}
