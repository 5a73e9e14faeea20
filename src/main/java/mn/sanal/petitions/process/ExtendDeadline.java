package mn.sanal.petitions.process;

import java.time.OffsetDateTime;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.calendar.WorkingDays;
import mn.sanal.petitions.CitizenNotifier;
import mn.sanal.petitions.CitizenTexts;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionHandlingProcess.Elements;
import mn.sanal.petitions.PetitionHandlingProcess.Data;
import mn.sanal.petitions.PetitionService;
import mn.sanal.platform.Clocks;

/**
 * The head approved: the due date moves by the days the official asked for (the form held them within
 * {@code maxExtensionDays} of PetitionDeadlines.dmn; the law allows one extension), the waiting reminder and deadline
 * timers are recalculated from the new date, and the citizen is told the new date.
 */
@Component("extendDeadline")
class ExtendDeadline implements JavaDelegate {

    private final PetitionService petitions;
    private final CitizenNotifier notifier;
    private final WorkingDays calendar;

    ExtendDeadline(PetitionService petitions, CitizenNotifier notifier, WorkingDays calendar) {
        this.petitions = petitions;
        this.notifier = notifier;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ProcessVariables.petitionId(execution, petitions);
        int days = Data.EXTENSION_DAYS.get(execution);
        String reason = ProcessVariables.text(execution, Data.EXTENSION_REASON);
        OffsetDateTime extended = petitions.extend(id, days, ProcessVariables.actor(execution), reason);
        // the law counts the extension's days from its own date, not from a date the policy moved
        OffsetDateTime lawDue = Data.CALENDAR_DUE_DATE.optional(execution).map(Clocks::fromDate)
                .map(d -> d.plusDays(days)).orElse(extended);
        OffsetDateTime newDue = DueDates.effective(execution, lawDue, calendar);
        if (!newDue.isEqual(extended)) {
            petitions.setDueDate(id, newDue);
        }
        DueDates.set(execution, lawDue, newDue);
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
