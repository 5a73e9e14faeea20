package mn.sanal.analytics;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import mn.sanal.analytics.AnalyticsReport.Row;
import mn.sanal.analytics.AnalyticsReport.Step;
import mn.sanal.platform.Clocks;
import mn.sanal.supervision.Area;
import mn.sanal.supervision.Filters;
import mn.sanal.supervision.OverdueQueries;
import mn.sanal.supervision.OverdueQueries.Names;

/**
 * Analytics from our petition tables (where, channel, type, dates, rating; transfers and reopenings from the case
 * history) and, for the time per step, from Camunda's activity history. Petitions are read once per request and
 * counted here (median and 90th percentile the same on H2 and PostgreSQL).
 */
@Repository
@Transactional(readOnly = true)
public class AnalyticsQueries {

    /** How rows are grouped, besides by month. */
    public enum GroupBy {
        BODY, SOUM, AIMAG;

        public static GroupBy parse(String s) {
            return s == null || s.isBlank() ? BODY : valueOf(s.trim().toUpperCase());
        }
    }

    /** Model steps that take time (a gateway or an event passes at once). */
    static final List<String> STEP_TYPES = List.of("userTask", "serviceTask", "businessRuleTask", "sendTask",
            "receiveTask", "intermediateMessageCatch", "intermediateTimer", "eventBasedGateway", "callActivity");

    private final NamedParameterJdbcTemplate jdbc;
    private final OverdueQueries overdue;

    AnalyticsQueries(NamedParameterJdbcTemplate jdbc, OverdueQueries overdue) {
        this.jdbc = jdbc;
        this.overdue = overdue;
    }

    /** {@code full}: also the trend per month, the figures per body and the time per step (the page; not the CSV). */
    public AnalyticsReport report(Area area, Filters filters, GroupBy groupBy, boolean full) {
        OffsetDateTime now = Clocks.now();
        List<Fact> facts = facts(area, filters);
        Names names = overdue.names();
        Function<Fact, Key> key = switch (groupBy) {
            case BODY -> f -> new Key(f.month(), f.aimag(), f.soum(), f.body());
            case SOUM -> f -> new Key(f.month(), f.aimag(), f.soum(), null);
            case AIMAG -> f -> new Key(f.month(), f.aimag(), null, null);
        };
        List<Row> rows = tally(facts, key, now, names);
        if (!full) {
            return new AnalyticsReport(groupBy.name(), rows, List.of(), List.of(), List.of());
        }
        List<Row> months = tally(facts, f -> new Key(f.month(), null, null, null), now, names);
        List<Row> bodies = tally(facts, f -> new Key(null, f.aimag(), f.soum(), f.body()), now, names);
        return new AnalyticsReport(groupBy.name(), rows, months, bodies, steps(area, filters));
    }

    /** Per aimag, soum and month, every petition (the public statistics; suppression is the caller's). */
    List<Row> publicRows() {
        OffsetDateTime now = Clocks.now();
        return tally(facts(Area.wholeCountry(), Filters.NONE),
                f -> new Key(f.month(), f.aimag(), f.soum(), null), now, overdue.names());
    }

    List<Fact> facts(Area area, Filters filters) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = "SELECT p.aimag_code, p.soum_code, p.responsible_body, p.channel, p.type, p.status,"
                + " p.received_at, p.due_at, p.answered_at, p.extension_days, p.rating,"
                + " COALESCE(e.transfers, 0) AS transfers, COALESCE(e.reopened, 0) AS reopened"
                + " FROM petition p LEFT JOIN (SELECT petition_id,"
                + " SUM(CASE WHEN status = 'TRANSFERRED' THEN 1 ELSE 0 END) AS transfers,"
                + " SUM(CASE WHEN status = 'REOPENED' THEN 1 ELSE 0 END) AS reopened"
                + " FROM petition_event WHERE kind = 'STATUS' AND status IN ('TRANSFERRED', 'REOPENED')"
                + " GROUP BY petition_id) e ON e.petition_id = p.id"
                + " WHERE " + area.condition("p", params) + filters.condition("p", params);
        return jdbc.query(sql, params, (rs, i) -> new Fact(rs.getString("aimag_code"), rs.getString("soum_code"),
                rs.getString("responsible_body"), rs.getString("channel"), rs.getString("type"),
                rs.getString("status"), rs.getObject("received_at", OffsetDateTime.class),
                rs.getObject("due_at", OffsetDateTime.class), rs.getObject("answered_at", OffsetDateTime.class),
                rs.getInt("extension_days"), (Integer) rs.getObject("rating", Integer.class),
                rs.getInt("transfers"), rs.getInt("reopened")));
    }

    /** Time in each step of the area's cases, from Camunda's history of activity instances (ended ones). */
    List<Step> steps(Area area, Filters filters) {
        MapSqlParameterSource params = new MapSqlParameterSource("types", STEP_TYPES);
        String sql = "SELECT a.act_id_, MAX(a.act_name_) AS name, a.act_type_, COUNT(*) AS n,"
                + " AVG(a.duration_) AS mean_ms,"
                + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY a.duration_) AS p50_ms,"
                + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY a.duration_) AS p90_ms"
                + " FROM act_hi_actinst a JOIN petition p ON p.process_instance_id = a.proc_inst_id_"
                + " WHERE a.duration_ IS NOT NULL AND a.act_type_ IN (:types) AND " + area.condition("p", params)
                + filters.condition("p", params)
                + " GROUP BY a.act_id_, a.act_type_ ORDER BY AVG(a.duration_) DESC";
        return jdbc.query(sql, params, (rs, i) -> new Step(rs.getString("act_id_"), rs.getString("name"),
                rs.getString("act_type_"), rs.getLong("n"), hours(rs.getObject("mean_ms")),
                hours(rs.getObject("p50_ms")), hours(rs.getObject("p90_ms"))));
    }

    private static Double hours(Object ms) {
        return ms == null ? null : Tally.round1(((Number) ms).doubleValue() / 3_600_000.0);
    }

    private static List<Row> tally(List<Fact> facts, Function<Fact, Key> key, OffsetDateTime now, Names names) {
        Map<Key, Tally> groups = new TreeMap<>(Key.ORDER);
        for (Fact f : facts) {
            groups.computeIfAbsent(key.apply(f), k -> new Tally()).add(f, now);
        }
        List<Row> rows = new ArrayList<>(groups.size());
        groups.forEach((k, t) -> rows.add(new Row(k.month == null ? null : k.month.toString(), k.aimag,
                k.aimag == null ? null : names.unit(k.aimag), k.soum, k.soum == null ? null : names.unit(k.soum),
                k.body, k.body == null ? null : names.body(k.body), t.received, t.byChannel, t.byType, t.answered,
                t.answeredOnTime, t.onTimePercent(), t.medianDays(), t.p90Days(), t.overdue, t.extensions,
                t.transfers, t.reopened, Arrays.stream(t.ratings).boxed().toList(), t.ratingMean())));
        return rows;
    }

    record Key(YearMonth month, String aimag, String soum, String body) {
        static final Comparator<Key> ORDER = Comparator
                .comparing(Key::month, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Key::aimag, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Key::soum, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Key::body, Comparator.nullsFirst(Comparator.naturalOrder()));
    }
}
