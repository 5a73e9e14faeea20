package mn.sanal.petitions.process;

import java.time.OffsetDateTime;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.calendar.WorkingDays;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionHandlingProcess.Data;
import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.petitions.PetitionService;
import mn.sanal.petitions.PetitionType;
import mn.sanal.platform.Clocks;

/**
 * Reads the PetitionDeadlines decision into {@link Deadlines} (an incident names the decision and the output when
 * one is missing), keeps its day counts as typed variables for the steps that set the timers, and stores the legal
 * due date on the petition. A thanks has no term.
 */
@Component("registerDeadlines")
class RegisterDeadlines implements JavaDelegate {

    private final PetitionService petitions;
    private final WorkingDays calendar;

    RegisterDeadlines(PetitionService petitions, WorkingDays calendar) {
        this.petitions = petitions;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        @SuppressWarnings("unchecked") // the business rule task's singleResult: the matched rule's outputs
        Map<String, Object> rule = (Map<String, Object>) execution.getVariable(Vars.DEADLINES);
        execution.removeVariable(Vars.DEADLINES);
        PetitionType type = Data.PETITION_TYPE.get(execution);
        if (!type.hasDeadline()) {
            return;
        }
        Deadlines d = Deadlines.read(rule, type);
        Data.INFORMATION_WAIT_DAYS.set(execution, d.informationWaitDays());
        Data.RATING_WAIT_DAYS.set(execution, d.ratingWaitDays());
        Data.MAX_EXTENSION_DAYS.set(execution, d.maxExtensionDays());
        Data.REOPEN_DAYS.set(execution, d.reopenDays());
        Data.REMINDER_DAYS.set(execution, d.reminderDaysBefore());
        Data.LOW_RATING_THRESHOLD.set(execution, d.lowRatingThreshold());
        Data.DUE_ON_WORKING_DAY.set(execution, d.dueOnWorkingDay());
        Petition p = ProcessVariables.petition(execution, petitions);
        OffsetDateTime lawDue = Clocks.endOfDayAfter(p.receivedAt(), d.resolveDays());
        OffsetDateTime due = d.dueDate(p.receivedAt(), calendar);
        petitions.setDueDate(p.id(), due);
        DueDates.set(execution, lawDue, due);
    }
}
