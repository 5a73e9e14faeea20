package mn.sanal.petitions.process;

import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.VariableScope;

import mn.sanal.calendar.WorkingDays;
import mn.sanal.petitions.PetitionHandlingProcess.Data;
import mn.sanal.platform.Clocks;

/** The dates the model's timers read: the due date and the reminder before it, the citizen's reply and rating. */
final class DueDates {

    private DueDates() {
    }

    /** The due date the policy gives the law's date: itself, or the next working day when dueOnWorkingDay. */
    static OffsetDateTime effective(VariableScope scope, OffsetDateTime lawDue, WorkingDays calendar) {
        return Boolean.TRUE.equals(Data.DUE_ON_WORKING_DAY.orNull(scope)) ? calendar.onOrNextWorkingDay(lawDue)
                : lawDue;
    }

    /** The law's date (calendar days) and the due date in force, which the timers and the tasks read. */
    static void set(VariableScope scope, OffsetDateTime lawDue, OffsetDateTime due) {
        Data.CALENDAR_DUE_DATE.set(scope, Clocks.toDate(lawDue));
        set(scope, due);
    }

    /** The reminder before a due date: {@code reminderDaysBefore}, or now when that is past. */
    static OffsetDateTime reminder(VariableScope scope, OffsetDateTime due) {
        OffsetDateTime reminder = due.minusDays(Data.REMINDER_DAYS.get(scope));
        OffsetDateTime now = Clocks.now();
        return reminder.isBefore(now) ? now : reminder;
    }

    private static void set(VariableScope scope, OffsetDateTime due) {
        OffsetDateTime reminder = due.minusDays(Data.REMINDER_DAYS.get(scope));
        OffsetDateTime now = Clocks.now();
        Data.PETITION_DUE_DATE.set(scope, Clocks.toDate(due));
        // a reminder date already past (a short term, a late reopening) reminds at once
        Data.REMINDER_DATE.set(scope, Clocks.toDate(reminder.isBefore(now) ? now : reminder));
    }

    /** The citizen has {@code informationWaitDays} from now to answer the question. */
    static int askCitizen(VariableScope scope) {
        int days = Data.INFORMATION_WAIT_DAYS.get(scope);
        Data.INFORMATION_DUE_DATE.set(scope, Clocks.toDate(Clocks.now().plusDays(days)));
        return days;
    }

    /** The citizen has {@code ratingWaitDays} from now to rate the answer. */
    static void awaitRating(VariableScope scope) {
        Data.RATING_DUE_DATE.set(scope, Clocks.toDate(Clocks.now().plusDays(Data.RATING_WAIT_DAYS.get(scope))));
    }
}
