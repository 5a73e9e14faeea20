package mn.sanal.petitions.process;

import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.VariableScope;

import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.platform.Clocks;

/** The due date and the reminder before it, as the timers of the resolution read them. */
final class DueDates {

    private DueDates() {
    }

    static void set(VariableScope scope, OffsetDateTime due) {
        Integer reminderDays = ProcessVariables.integer(scope, Vars.REMINDER_DAYS);
        OffsetDateTime reminder = due.minusDays(reminderDays == null ? 5 : reminderDays);
        OffsetDateTime now = Clocks.now();
        scope.setVariable(Vars.PETITION_DUE_DATE, Clocks.toDate(due));
        // a reminder date already past (a short term, a late reopening) reminds at once
        scope.setVariable(Vars.REMINDER_DATE, Clocks.toDate(reminder.isBefore(now) ? now : reminder));
    }
}
