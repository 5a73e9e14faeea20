package mn.sanal.broadcasts;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.broadcasts.BroadcastProcess.Data;
import mn.sanal.platform.Clocks;

/**
 * {@code ${planSending}}: when to send. The author's time (or now, if none or past); if that hour is quiet
 * (BroadcastQuietHours.dmn, policy 22:00-08:00 Asia/Ulaanbaatar) the next hour the table names. The wait for delivery
 * receipts before the one retry comes from BroadcastRetryPolicy. A table without an answer is an incident.
 */
@Component("planSending")
class PlanSending implements JavaDelegate {

    static final DateTimeFormatter SEND_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final DecisionService decisions;

    PlanSending(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ZonedDateTime now = Clocks.now().atZoneSameInstant(Clocks.ZONE);
        ZonedDateTime at = now;
        String wanted = Data.SEND_AT.optional(execution).map(String::strip).orElse("");
        if (!wanted.isEmpty()) {
            try {
                ZonedDateTime w = LocalDateTime.parse(wanted, SEND_AT).atZone(Clocks.ZONE);
                at = w.isAfter(now) ? w : now;
            } catch (DateTimeParseException e) {
                throw new BadUserRequestException("Илгээх цагийг 2026-12-01 09:00 хэлбэрээр бичнэ үү.");
            }
        }
        DmnDecisionRuleResult quiet = decisions.evaluateDecisionTableByKey(BroadcastProcess.QUIET_HOURS,
                Map.of(BroadcastProcess.Vars.HOUR, at.getHour())).getSingleResult();
        if (quiet == null || quiet.getEntry("quiet") == null) {
            throw new IllegalStateException("Шийдвэрийн хүснэгт " + BroadcastProcess.QUIET_HOURS + " нь " + at.getHour()
                    + " цагт quiet гаралт өгсөнгүй.");
        }
        if (Boolean.TRUE.equals(quiet.getEntry("quiet"))) {
            int resume = ((Number) quiet.getEntry("resumeHour")).intValue();
            ZonedDateTime next = at.withHour(resume).withMinute(0).withSecond(0).withNano(0);
            at = next.isAfter(at) ? next : next.plusDays(1);
        }
        Data.SEND_DATE.set(execution, Date.from(at.toInstant()));
        DmnDecisionRuleResult retry = decisions.evaluateDecisionTableByKey(BroadcastProcess.RETRY_POLICY,
                Map.of()).getSingleResult();
        if (retry == null || retry.getEntry("retryAfter") == null) {
            throw new IllegalStateException("Шийдвэрийн хүснэгт " + BroadcastProcess.RETRY_POLICY
                    + " нь retryAfter гаралт өгсөнгүй.");
        }
        Data.RECEIPT_WAIT.set(execution, (String) retry.getEntry("retryAfter"));
    }
}
