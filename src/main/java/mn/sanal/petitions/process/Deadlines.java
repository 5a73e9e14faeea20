package mn.sanal.petitions.process;

import java.time.OffsetDateTime;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.variable.Variables;

import mn.sanal.calendar.WorkingDays;
import mn.sanal.petitions.PetitionHandlingProcess;
import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.petitions.PetitionType;
import mn.sanal.platform.Clocks;

/**
 * What PetitionDeadlines.dmn decided for a petition type, read once into types. The DMN is the only home of these
 * values: a petition with a term (every type but thanks) needs every output, and a missing rule or output is an
 * incident whose message names the decision and the output, never a value made up in Java. A thanks has no term and
 * reads none.
 *
 * @param resolveDays        law, art. 16.1
 * @param maxExtensionDays   law, art. 16.2
 * @param reminderDaysBefore policy
 * @param informationWaitDays policy
 * @param ratingWaitDays     policy
 * @param reopenDays         policy
 * @param lowRatingThreshold policy: a rating at or below it goes to the aimag supervisor
 * @param dueOnWorkingDay    policy: a due date that falls on a day off moves to the next working day (the law's
 *                           days are calendar days; this is the owner's choice, see {@code mn.sanal.calendar})
 */
public record Deadlines(int resolveDays, int maxExtensionDays, int reminderDaysBefore, int informationWaitDays,
                 int ratingWaitDays, int reopenDays, int lowRatingThreshold, boolean dueOnWorkingDay) {

    /** What the business rule task stored ({@code mapDecisionResult="singleResult"}: the matched rule or null). */
    static Deadlines read(Map<String, Object> rule, PetitionType type) {
        if (rule == null) {
            throw missing(type, "мөр (rule)");
        }
        return new Deadlines(days(rule, type, Vars.RESOLVE_DAYS), days(rule, type, Vars.MAX_EXTENSION_DAYS),
                days(rule, type, Vars.REMINDER_DAYS), days(rule, type, Vars.INFORMATION_WAIT_DAYS),
                days(rule, type, Vars.RATING_WAIT_DAYS), days(rule, type, Vars.REOPEN_DAYS),
                days(rule, type, Vars.LOW_RATING_THRESHOLD), flag(rule, type, Vars.DUE_ON_WORKING_DAY));
    }

    /** The due date of a petition received at {@code receivedAt}: the law's days, moved as the policy says. */
    public OffsetDateTime dueDate(OffsetDateTime receivedAt, WorkingDays calendar) {
        OffsetDateTime due = Clocks.endOfDayAfter(receivedAt, resolveDays);
        return dueOnWorkingDay ? calendar.onOrNextWorkingDay(due) : due;
    }

    private static boolean flag(Map<String, Object> rule, PetitionType type, String output) {
        if (rule.get(output) instanceof Boolean b) {
            return b;
        }
        throw missing(type, "гаралт " + output);
    }

    /** The decision evaluated outside the process (the walk-in receipt shows the due date before the process runs). */
    public static Deadlines evaluate(DecisionService decisions, PetitionType type) {
        return read(decisions.evaluateDecisionByKey(PetitionHandlingProcess.DECISION_DEADLINES)
                .variables(Variables.putValue(Vars.PETITION_TYPE, type.name()))
                .evaluate().getSingleResult(), type);
    }

    private static int days(Map<String, Object> rule, PetitionType type, String output) {
        if (rule.get(output) instanceof Number n) {
            return n.intValue();
        }
        throw missing(type, "гаралт " + output);
    }

    private static ProcessEngineException missing(PetitionType type, String what) {
        return new ProcessEngineException("Шийдвэрийн хүснэгт " + PetitionHandlingProcess.DECISION_DEADLINES
                + " нь petitionType = " + type.name() + "-д " + what + " өгсөнгүй. Үйл явцын эзэн DMN-д утгыг бичиж "
                + "байршуулаад энэ incident-ийг дахин оролдоно уу (Java-д орлох утга байхгүй).");
    }
}
