package mn.sanal.platform;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import mn.sanal.SanalApplication;

/**
 * Time as the engine sees it. Everything that stamps or compares a deadline reads the engine's clock, so a process
 * test that moves {@link ClockUtil} moves our tables' times too.
 */
public final class Clocks {

    public static final ZoneId ZONE = ZoneId.of(SanalApplication.TIME_ZONE);
    private static final DateTimeFormatter DATE_MN = DateTimeFormatter.ofPattern("yyyy.MM.dd");

    private Clocks() {
    }

    public static OffsetDateTime now() {
        return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toOffsetDateTime();
    }

    public static Date toDate(OffsetDateTime t) {
        return t == null ? null : Date.from(t.toInstant());
    }

    public static OffsetDateTime fromDate(Date d) {
        return d == null ? null : d.toInstant().atZone(ZONE).toOffsetDateTime();
    }

    /** A date as Mongolian texts write it: 2026.12.22. */
    public static String formatDate(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(ZONE).format(DATE_MN);
    }

    /** The end of the day (23:59:59 Ulaanbaatar) {@code days} calendar days after {@code from}. */
    public static OffsetDateTime endOfDayAfter(OffsetDateTime from, int days) {
        return from.atZoneSameInstant(ZONE).toLocalDate().plusDays(days).atTime(23, 59, 59).atZone(ZONE)
                .toOffsetDateTime();
    }
}
