package mn.sanal.petitions.process;

import java.time.OffsetDateTime;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.petitions.CitizenNotifier;
import mn.sanal.petitions.CitizenTexts;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionHandlingProcess.Elements;
import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.petitions.PetitionService;

/**
 * The head approved: the due date moves (at most {@code maxExtensionDays}, once), the waiting reminder and deadline
 * timers are recalculated from the new date, and the citizen is told the new date.
 */
@Component("extendDeadline")
class ExtendDeadline implements JavaDelegate {

    private final PetitionService petitions;
    private final CitizenNotifier notifier;

    ExtendDeadline(PetitionService petitions, CitizenNotifier notifier) {
        this.petitions = petitions;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ProcessVariables.petitionId(execution, petitions);
        int max = ProcessVariables.integer(execution, Vars.MAX_EXTENSION_DAYS);
        int days = Math.min(max, ProcessVariables.integer(execution, Vars.EXTENSION_DAYS));
        String reason = ProcessVariables.string(execution, Vars.EXTENSION_REASON);
        OffsetDateTime newDue = petitions.extend(id, days, ProcessVariables.actor(execution), reason);
        DueDates.set(execution, newDue);
        execution.setVariable(Vars.EXTENSION_USED, true);

        ManagementService management = execution.getProcessEngineServices().getManagementService();
        management.createJobQuery().processInstanceId(execution.getProcessInstanceId())
                .activityId(Elements.DEADLINE_START).list()
                .forEach(job -> management.recalculateJobDuedate(job.getId(), false));
        management.createJobQuery().processInstanceId(execution.getProcessInstanceId())
                .activityId(Elements.REMINDER_START).list()
                .forEach(job -> management.recalculateJobDuedate(job.getId(), false));

        Petition p = petitions.get(id);
        notifier.tell(p, "EXTENDED", null, CitizenTexts.extended(p, newDue, reason));
    }
}
