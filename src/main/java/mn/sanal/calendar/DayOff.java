package mn.sanal.calendar;

import java.time.LocalDate;

/** A day nobody works: why (a weekend, a holiday by name, the administrator's override and its reason). */
public record DayOff(LocalDate date, String reason) {
}
