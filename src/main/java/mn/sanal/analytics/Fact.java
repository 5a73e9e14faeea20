package mn.sanal.analytics;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;

import mn.sanal.platform.Clocks;

/** One petition as analytics counts it: where, how it came, when it was due and answered, what happened to it. */
record Fact(String aimag, String soum, String body, String channel, String type, String status,
            OffsetDateTime receivedAt, OffsetDateTime dueAt, OffsetDateTime answeredAt, int extensionDays,
            Integer rating, int transfers, int reopened) {

    /** The month it was received, in Ulaanbaatar time. */
    YearMonth month() {
        return YearMonth.from(receivedAt.atZoneSameInstant(Clocks.ZONE));
    }

    boolean answered() {
        return answeredAt != null;
    }

    /** Answered by the legal due date (an extension granted moves that date, as the law allows). */
    boolean answeredOnTime() {
        return answeredAt != null && dueAt != null && !answeredAt.isAfter(dueAt);
    }

    /** Answered after the due date, or not answered and past it now. */
    boolean overdue(OffsetDateTime now, boolean open) {
        if (dueAt == null) {
            return false;
        }
        return answeredAt != null ? answeredAt.isAfter(dueAt) : open && dueAt.isBefore(now);
    }

    /** Days from receipt to answer, to the hour. */
    double daysToAnswer() {
        return Duration.between(receivedAt, answeredAt).toMinutes() / 1440.0;
    }
}
