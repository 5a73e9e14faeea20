package mn.sanal.petitions.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.petitions.PetitionHandlingProcess.Data;
import mn.sanal.petitions.PetitionService;

/** At the legal due date: the petition is marked overdue and its task put first; the body still owns it. */
@Component("markOverdue")
class MarkOverdue implements JavaDelegate {

    static final int OVERDUE_PRIORITY = 100;

    private final PetitionService petitions;

    MarkOverdue(PetitionService petitions) {
        this.petitions = petitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        petitions.markOverdue(Data.PETITION_ID.get(execution), execution.getProcessInstanceId());
        TaskPriorities.raise(execution.getProcessEngineServices().getTaskService(), execution.getProcessInstanceId(),
                OVERDUE_PRIORITY);
    }
}
