package mn.sanal.petitions.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.petitions.PetitionService;

/** Before the due date: the body's open task rises to the top of Tasklist and the case history says so. */
@Component("remindBody")
class RemindBody implements JavaDelegate {

    static final int REMINDER_PRIORITY = 75;

    private final PetitionService petitions;

    RemindBody(PetitionService petitions) {
        this.petitions = petitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TaskPriorities.raise(execution.getProcessEngineServices().getTaskService(), execution.getProcessInstanceId(),
                REMINDER_PRIORITY);
        petitions.note(ProcessVariables.petitionId(execution, petitions), PetitionService.ACTOR_SYSTEM,
                "Сануулга: хариу өгөх хугацаа дөхөж байна");
    }
}
