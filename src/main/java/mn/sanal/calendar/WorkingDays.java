package mn.sanal.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import mn.sanal.platform.Clocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The working-day calendar of Mongolia, from our tables ({@code V80__working_day_calendar.sql}): a day is off when the
 * administrator made it off, else when it is a Saturday or Sunday, an annual public holiday (Jan 1, Mar 8, Jun 1,
 * Naadam Jul 10-15, Nov 26, Dec 29 with the years each applies) or a lunar holiday (Tsagaan Sar days 1-3, Buddha's
 * day, Chinggis Khaan's day, 2024-2035), unless the administrator made it working (a government day swap, Labour Law
 * art. 43.3). Plain dates in Ulaanbaatar time; the tables are small and read on every question (no cache to go stale
 * across nodes).
 */
@Service
public class WorkingDays {

    public static final ZoneId ZONE = Clocks.ZONE;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    WorkingDays(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Why the day is off, or empty when it is a working day. */
    public Optional<DayOff> dayOff(LocalDate date) {
        Optional<Override> override = override(date);
        if (override.isPresent()) {
            return override.get().working() ? Optional.empty()
                    : Optional.of(new DayOff(date, override.get().reason()));
        }
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return Optional.of(new DayOff(date, "Амралтын өдөр"));
        }
        Optional<String> annual = jdbc.sql("""
                SELECT name FROM calendar_annual_holiday WHERE on_month = ? AND on_day = ?
                  AND (first_year IS NULL OR first_year <= ?) AND (last_year IS NULL OR last_year >= ?)""")
                .params(date.getMonthValue(), date.getDayOfMonth(), date.getYear(), date.getYear())
                .query(String.class).optional();
        if (annual.isPresent()) {
            return Optional.of(new DayOff(date, annual.get()));
        }
        return jdbc.sql("SELECT name FROM calendar_lunar_holiday WHERE on_date = ?").param(date)
                .query(String.class).optional().map(name -> new DayOff(date, name));
    }

    public boolean isWorkingDay(LocalDate date) {
        return dayOff(date).isEmpty();
    }

    /** The date itself when it is a working day, else the next working day. */
    public LocalDate onOrNextWorkingDay(LocalDate date) {
        LocalDate d = date;
        for (int i = 0; i < 366 && !isWorkingDay(d); i++) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The same instant of day (e.g. 23:59:59 in Ulaanbaatar) on that date or the next working day. */
    public OffsetDateTime onOrNextWorkingDay(OffsetDateTime due) {
        LocalDate day = due.atZoneSameInstant(ZONE).toLocalDate();
        LocalDate moved = onOrNextWorkingDay(day);
        return due.atZoneSameInstant(ZONE).plusDays(moved.toEpochDay() - day.toEpochDay()).toOffsetDateTime();
    }

    /** The days off of a year, in order, with their reasons. */
    public List<DayOff> daysOff(int year) {
        List<DayOff> off = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            dayOff(d).ifPresent(off::add);
        }
        return off;
    }

    /** An administrator's override of one day. */
    public record Override(LocalDate date, boolean working, String reason, String changedBy) {
    }

    public Optional<Override> override(LocalDate date) {
        return jdbc.sql("SELECT on_date, working, reason, changed_by FROM calendar_override WHERE on_date = ?")
                .param(date).query((rs, i) -> new Override(rs.getObject(1, LocalDate.class), rs.getBoolean(2),
                        rs.getString(3), rs.getString(4))).optional();
    }

    public List<Override> overrides(int year) {
        return jdbc.sql("""
                SELECT on_date, working, reason, changed_by FROM calendar_override
                WHERE on_date BETWEEN ? AND ? ORDER BY on_date""")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .query((rs, i) -> new Override(rs.getObject(1, LocalDate.class), rs.getBoolean(2), rs.getString(3),
                        rs.getString(4))).list();
    }

    /**
     * Makes the day off ({@code working = false}) or working, replacing an earlier override of it, and lets the
     * holders of due dates recompute them in this transaction ({@link CalendarChanged}).
     */
    @Transactional
    public void setOverride(LocalDate date, boolean working, String reason, String changedBy) {
        if (reason == null || reason.isBlank() || reason.length() > 400) {
            throw new IllegalArgumentException("Шалтгаан (жишээ нь Засгийн газрын тогтоолын дугаар) 1-400 тэмдэгт");
        }
        jdbc.sql("DELETE FROM calendar_override WHERE on_date = ?").param(date).update();
        jdbc.sql("""
                INSERT INTO calendar_override (on_date, working, reason, changed_by, changed_at)
                VALUES (?, ?, ?, ?, ?)""").params(date, working, reason.strip(), changedBy,
                Clocks.now()).update();
        events.publishEvent(new CalendarChanged(date, working, reason.strip(), changedBy));
    }

    /** Removes the override: the day is as weekends and holidays make it. */
    @Transactional
    public boolean removeOverride(LocalDate date, String changedBy) {
        boolean removed = jdbc.sql("DELETE FROM calendar_override WHERE on_date = ?").param(date).update() > 0;
        if (removed) {
            events.publishEvent(new CalendarChanged(date, isWorkingDay(date), "Өөрчлөлтийг цуцалсан", changedBy));
        }
        return removed;
    }
}
