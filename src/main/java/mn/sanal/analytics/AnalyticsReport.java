package mn.sanal.analytics;

import java.util.List;
import java.util.Map;

/**
 * Analytics of an area: one row per group (body, soum or aimag) and month, the area's trend per month, the on-time
 * rate per body over the whole period, and the time spent in each step (Camunda's history).
 */
public record AnalyticsReport(String groupBy, List<Row> rows, List<Row> months, List<Row> bodies,
                              List<Step> steps) {

    /** The figures of one group; {@code month} is null for a total over every month. */
    public record Row(String month, String aimagCode, String aimag, String soumCode, String soum, String bodyCode,
                      String body, long received, Map<String, Long> byChannel, Map<String, Long> byType,
                      long answered, long answeredOnTime, Double onTimePercent, Double medianDays, Double p90Days,
                      long overdue, long extensions, long transfers, long reopened, List<Long> ratings,
                      Double ratingMean) {
    }

    /** A model step (user task, wait, service task): how many times it ended and how long it took, in hours. */
    public record Step(String activityId, String name, String type, long count, Double meanHours,
                       Double medianHours, Double p90Hours) {
    }
}
