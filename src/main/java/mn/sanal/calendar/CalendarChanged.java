package mn.sanal.calendar;

import java.time.LocalDate;

/**
 * Published (synchronously, in the transaction of the change) when an administrator makes a day off or working: due
 * dates that depend on the calendar are recomputed by whoever holds them (petitions' process).
 */
public record CalendarChanged(LocalDate date, boolean working, String reason, String changedBy) {
}
