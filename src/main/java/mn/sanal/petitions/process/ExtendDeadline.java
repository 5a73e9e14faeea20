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
import mn.sanal.petitions.PetitionHandlingProcess.Data;
import mn.sanal.petitions.PetitionService;

/**
 * The head approved: the due date moves by the days the official asked for (the form held them within
 * {@code maxExtensionDays} of PetitionDeadlines.dmn; the law allows one extension), the waiting reminder and deadline
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
        int days = Data.EXTENSION_DAYS.get(execution);
        String reason = ProcessVariables.text(execution, Data.EXTENSION_REASON);
        OffsetDateTime newDue = petitions.extend(id, days, ProcessVariables.actor(execution), reason);
        DueDates.set(execution, newDue);
        Data.EXTENSION_USED.set(execution, true);

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
