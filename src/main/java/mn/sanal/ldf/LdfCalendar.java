package mn.sanal.ldf;

import java.math.BigDecimal;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import mn.sanal.platform.Clocks;

/**
 * The dates, periods and thresholds of the fund, read from the decision table {@code LdfCalendar} and nowhere else:
 * law rows (the procedure's) and policy rows (the process owner's). A setting the table does not give is an error
 * naming the table and the setting (an incident where a job asked), never a value from code.
 */
@Component
public class LdfCalendar {

    static final String COLLECTION_OPENS = "collectionOpens";
    static final String COLLECTION_CLOSES = "collectionCloses";
    static final String WORKING_GROUP_MIN_MEMBERS = "workingGroupMinMembers";
    static final String BAG_MEETING_PERIOD = "bagMeetingPeriod";
    static final String WORKING_GROUP_PERIOD = "workingGroupPeriod";
    static final String COMMENT_PERIOD = "commentPeriod";
    static final String KHURAL_PERIOD = "khuralPeriod";
    static final String PROGRESS_REPORT_INTERVAL = "progressReportInterval";
    static final String REVIEW_INTERVAL = "reviewInterval";
    static final String REVIEW_REMINDER_AFTER = "reviewReminderAfter";
    static final String REVIEW_ESCALATION_AFTER = "reviewEscalationAfter";
    static final String POOR_REVIEW_QUALITY = "poorReviewQuality";
    static final String VERDICT_PERIOD = "verdictPeriod";
    static final String LOW_VERDICT_AVERAGE = "lowVerdictAverage";
    static final String GLASS_ACCOUNT_THRESHOLD = "glassAccountThreshold";

    private final DecisionService decisions;

    LdfCalendar(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** The settings for a year. */
    public Settings forYear(int year) {
        // the official whose step asks (a Governor's office starting the cycle) need not may evaluate decisions
        CommandContext context = Context.getCommandContext();
        DmnDecisionResult result = context == null ? evaluate(year) : context.runWithoutAuthorization(() -> evaluate(year));
        Map<String, String> values = new HashMap<>();
        result.forEach(r -> values.put(r.getEntry("setting"), r.getEntry("value")));
        return new Settings(year, values);
    }

    private DmnDecisionResult evaluate(int year) {
        return decisions.evaluateDecisionByKey(LocalDevelopmentFundProcess.DECISION_CALENDAR)
                .variables(Variables.createVariables().putValue("year", year)).evaluate();
    }

    public static final class Settings {
        private final int year;
        private final Map<String, String> values;

        Settings(int year, Map<String, String> values) {
            this.year = year;
            this.values = values;
        }

        public String get(String setting) {
            String v = values.get(setting);
            if (v == null || v.isBlank()) {
                throw new IllegalStateException("Шийдвэрийн хүснэгт " + LocalDevelopmentFundProcess.DECISION_CALENDAR
                        + " " + year + " оны '" + setting + "' утгыг өгсөнгүй.");
            }
            return v.strip();
        }

        /** Start of the first day of the window, Ulaanbaatar time. */
        public OffsetDateTime collectionOpens() {
            return MonthDay.parse(get(COLLECTION_OPENS)).atYear(year).atStartOfDay(Clocks.ZONE).toOffsetDateTime();
        }

        /** End (23:59:59) of the last day of the window, Ulaanbaatar time. */
        public OffsetDateTime collectionCloses() {
            return MonthDay.parse(get(COLLECTION_CLOSES)).atYear(year).atTime(23, 59, 59).atZone(Clocks.ZONE)
                    .toOffsetDateTime();
        }

        public OffsetDateTime after(String period, OffsetDateTime from) {
            return from.plus(java.time.Period.parse(get(period)));
        }

        public int integer(String setting) {
            return Integer.parseInt(get(setting));
        }

        public long amount(String setting) {
            return Long.parseLong(get(setting));
        }

        public BigDecimal decimal(String setting) {
            return new BigDecimal(get(setting));
        }
    }
}
