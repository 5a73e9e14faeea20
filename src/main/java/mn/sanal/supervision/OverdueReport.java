package mn.sanal.supervision;

import java.util.List;

/**
 * The overdue dashboard as the Cockpit plugin shows it: counts per aimag, soum and body (in that order, each aimag
 * followed by its soums and each soum by its bodies), the overdue cases, and the choices the filters offer.
 */
public record OverdueReport(String now, List<Row> rows, List<OverdueCase> cases, boolean casesCut,
                            Choices choices) {

    /** Counts of open cases in one aimag, soum or body. {@code maxDaysOverdue} is 0 when none is overdue. */
    public record Row(String level, String code, String name, String parentCode, long open, long dueSoon,
                      long overdue, long maxDaysOverdue, long extended, long waitingForCitizen) {
    }

    /** One overdue case: who holds it and the link into Cockpit ({@code #/process-instance/<id>}). */
    public record OverdueCase(String trackingCode, String aimag, String soum, String bodyCode, String body,
                              String category, String channel, String status, String dueAt, long daysOverdue,
                              String holder, String task, String processInstanceId, String cockpitLink) {
    }

    public record Choice(String code, String name, String parentCode) {
    }

    public record Choices(List<Choice> aimags, List<Choice> soums, List<Choice> bodies, List<Choice> categories,
                          List<Choice> channels) {
    }
}
