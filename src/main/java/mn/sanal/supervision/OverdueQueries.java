package mn.sanal.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import mn.sanal.platform.Clocks;
import mn.sanal.supervision.OverdueReport.Choice;
import mn.sanal.supervision.OverdueReport.Choices;
import mn.sanal.supervision.OverdueReport.OverdueCase;
import mn.sanal.supervision.OverdueReport.Row;

/**
 * The overdue dashboard's counts, from our petition table (it knows aimag, soum, body and the legal due date), never
 * from process variables. "Open" is a case the body still has to answer: not answered, under review or closed. Time
 * is the engine's clock ({@link Clocks#now()}), so tests drive "overdue" with ClockUtil.
 */
@Repository
@Transactional(readOnly = true)
public class OverdueQueries {

    /** Statuses in which the body still owes the citizen an answer. */
    public static final List<String> OPEN_STATUSES = List.of("RECEIVED", "TRIAGE", "ASSIGNED", "EXTENDED",
            "TRANSFERRED", "WAITING_FOR_CITIZEN", "REOPENED");
    public static final String WAITING_FOR_CITIZEN = "WAITING_FOR_CITIZEN";
    public static final List<String> CHANNELS = List.of("SMS", "EMAIL", "FAX", "VOICEMAIL", "WEB", "WALK_IN",
            "PHONE");
    public static final Map<String, String> CHANNEL_NAMES = Map.of("SMS", "Мессеж", "EMAIL", "Цахим шуудан", "FAX", "Факс",
            "VOICEMAIL", "Дуут шуудан", "WEB", "Вэб", "WALK_IN", "Биечлэн", "PHONE", "Утсаар");
    /** "Due soon": within this many days from now. */
    public static final int DUE_SOON_DAYS = 3;
    /** At most this many overdue cases are listed (the oldest first); the counts cover all. */
    public static final int MAX_CASES = 200;
    private static final String NO_BODY = "";

    private final NamedParameterJdbcTemplate jdbc;

    OverdueQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public OverdueReport report(Area area, Filters filters) {
        OffsetDateTime now = Clocks.now();
        Names names = names();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("open", OPEN_STATUSES).addValue("now", now).addValue("soon", now.plusDays(DUE_SOON_DAYS))
                .addValue("waiting", WAITING_FOR_CITIZEN);
        String where = " WHERE p.status IN (:open) AND " + area.condition("p", params) + filters.condition("p", params);

        List<Row> bodyRows = jdbc.query("SELECT p.aimag_code, p.soum_code, p.responsible_body, COUNT(*) AS open_count,"
                + " SUM(CASE WHEN p.due_at >= :now AND p.due_at < :soon THEN 1 ELSE 0 END) AS due_soon,"
                + " SUM(CASE WHEN p.due_at < :now THEN 1 ELSE 0 END) AS overdue,"
                + " MIN(CASE WHEN p.due_at < :now THEN p.due_at END) AS oldest_due,"
                + " SUM(CASE WHEN p.extension_days > 0 THEN 1 ELSE 0 END) AS extended,"
                + " SUM(CASE WHEN p.status = :waiting THEN 1 ELSE 0 END) AS waiting"
                + " FROM petition p" + where
                + " GROUP BY p.aimag_code, p.soum_code, p.responsible_body", params, (rs, i) -> {
                    OffsetDateTime oldest = rs.getObject("oldest_due", OffsetDateTime.class);
                    String body = rs.getString("responsible_body");
                    return new Row("body", body == null ? NO_BODY : body,
                            body == null ? "Хариуцагч тодорхойгүй" : names.body(body),
                            orEmpty(rs.getString("soum_code")) + "|" + orEmpty(rs.getString("aimag_code")),
                            rs.getLong("open_count"),
                            rs.getLong("due_soon"), rs.getLong("overdue"), daysOverdue(oldest, now),
                            rs.getLong("extended"), rs.getLong("waiting"));
                });

        List<OverdueCase> cases = new ArrayList<>(jdbc.query("SELECT p.tracking_code, p.aimag_code, p.soum_code,"
                + " p.responsible_body, p.category, p.channel, p.status, p.due_at, p.process_instance_id"
                + " FROM petition p" + where + " AND p.due_at < :now ORDER BY p.due_at, p.id"
                + " LIMIT " + (MAX_CASES + 1), params, (rs, i) -> overdueCase(rs, now, names)));
        boolean cut = cases.size() > MAX_CASES;
        if (cut) {
            cases.remove(cases.size() - 1);
        }
        return new OverdueReport(now.toString(), tree(bodyRows, names), withHolders(cases, names), cut,
                choices(area, names));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Whole days past the due date, counting a day begun: one hour late is one day late; not late is 0. */
    public static long daysOverdue(OffsetDateTime dueAt, OffsetDateTime now) {
        if (dueAt == null || !dueAt.isBefore(now)) {
            return 0;
        }
        Duration late = Duration.between(dueAt, now);
        return late.toDays() + (late.toDays() * 86_400 == late.toSeconds() ? 0 : 1);
    }

    private static OverdueCase overdueCase(ResultSet rs, OffsetDateTime now, Names names) throws SQLException {
        OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
        String body = rs.getString("responsible_body");
        String pi = rs.getString("process_instance_id");
        return new OverdueCase(rs.getString("tracking_code"), names.unit(rs.getString("aimag_code")),
                names.unit(rs.getString("soum_code")), body, body == null ? null : names.body(body),
                names.category(rs.getString("category")), rs.getString("channel"), rs.getString("status"),
                due == null ? null : due.atZoneSameInstant(Clocks.ZONE).toOffsetDateTime().toString(),
                daysOverdue(due, now), null, null, pi, pi == null ? null : "#/process-instance/" + pi);
    }

    /**
     * Who holds each case: the open user tasks of its process instance, by assignee, else by candidate group (the
     * body or the supervisors). Read from Camunda's runtime tables for the listed cases only.
     */
    private List<OverdueCase> withHolders(List<OverdueCase> cases, Names names) {
        List<String> ids = cases.stream().map(OverdueCase::processInstanceId).filter(id -> id != null).toList();
        if (ids.isEmpty()) {
            return cases;
        }
        Map<String, List<String[]>> tasks = new HashMap<>();
        jdbc.query("SELECT t.proc_inst_id_, t.name_, t.assignee_, (SELECT MIN(l.group_id_) FROM act_ru_identitylink l"
                        + " WHERE l.task_id_ = t.id_ AND l.type_ = 'candidate') AS grp"
                        + " FROM act_ru_task t WHERE t.proc_inst_id_ IN (:ids) ORDER BY t.create_time_",
                new MapSqlParameterSource("ids", ids), rs -> {
                    String holder = rs.getString("assignee_");
                    if (holder == null && rs.getString("grp") != null) {
                        holder = names.group(rs.getString("grp"));
                    }
                    tasks.computeIfAbsent(rs.getString("proc_inst_id_"), k -> new ArrayList<>())
                            .add(new String[] {rs.getString("name_"), holder});
                });
        return cases.stream().map(c -> {
            List<String[]> open = tasks.getOrDefault(c.processInstanceId(), List.of());
            String task = String.join("; ", open.stream().map(t -> t[0]).toList());
            String holder = String.join("; ", open.stream().map(t -> t[1] == null ? "—" : t[1]).toList());
            return new OverdueCase(c.trackingCode(), c.aimag(), c.soum(), c.bodyCode(), c.body(), c.category(),
                    c.channel(), c.status(), c.dueAt(), c.daysOverdue(), holder.isEmpty() ? null : holder,
                    task.isEmpty() ? null : task, c.processInstanceId(), c.cockpitLink());
        }).toList();
    }

    /** Body rows summed into their soums and aimags: aimag, its soums, each followed by its bodies. */
    private static List<Row> tree(List<Row> bodyRows, Names names) {
        Map<String, Map<String, List<Row>>> byAimag = new TreeMap<>();
        for (Row r : bodyRows) {
            String[] soumAimag = r.parentCode().split("\\|", -1);
            byAimag.computeIfAbsent(soumAimag[1], k -> new TreeMap<>())
                    .computeIfAbsent(soumAimag[0], k -> new ArrayList<>()).add(r);
        }
        List<Row> out = new ArrayList<>();
        byAimag.forEach((aimag, soums) -> {
            List<Row> aimagPart = new ArrayList<>();
            soums.forEach((soum, bodies) -> {
                bodies.sort((a, b) -> a.name().compareTo(b.name()));
                aimagPart.add(sum("soum", soum, names.unit(soum), aimag, bodies));
                bodies.forEach(b -> aimagPart.add(new Row("body", b.code(), b.name(), soum, b.open(), b.dueSoon(),
                        b.overdue(), b.maxDaysOverdue(), b.extended(), b.waitingForCitizen())));
            });
            out.add(sum("aimag", aimag, names.unit(aimag), null,
                    soums.values().stream().flatMap(List::stream).toList()));
            out.addAll(aimagPart);
        });
        return out;
    }

    private static Row sum(String level, String code, String name, String parent, List<Row> rows) {
        return new Row(level, code, name, parent, rows.stream().mapToLong(Row::open).sum(),
                rows.stream().mapToLong(Row::dueSoon).sum(), rows.stream().mapToLong(Row::overdue).sum(),
                rows.stream().mapToLong(Row::maxDaysOverdue).max().orElse(0),
                rows.stream().mapToLong(Row::extended).sum(), rows.stream().mapToLong(Row::waitingForCitizen).sum());
    }

    private Choices choices(Area area, Names names) {
        List<Choice> aimags = new ArrayList<>();
        List<Choice> soums = new ArrayList<>();
        List<Choice> bodies = new ArrayList<>();
        jdbc.query("SELECT code, name_mn, unit_code, aimag_code FROM body WHERE active ORDER BY aimag_code, unit_code,"
                + " name_mn", rs -> {
                    String aimag = rs.getString("aimag_code");
                    String body = rs.getString("code");
                    if (area.covers(aimag, body)) {
                        bodies.add(new Choice(body, rs.getString("name_mn"), rs.getString("unit_code")));
                    }
                });
        names.units.forEach((code, unit) -> {
            String aimag = unit.parent == null ? code : unit.parent;
            boolean seen = area.everything() || area.aimags().contains(aimag)
                    || bodies.stream().anyMatch(b -> b.parentCode().equals(code) || b.parentCode().startsWith(code + "."));
            if (!seen) {
                return;
            }
            if ("AIMAG".equals(unit.level)) {
                aimags.add(new Choice(code, unit.name, null));
            } else if ("SOUM".equals(unit.level)) {
                soums.add(new Choice(code, unit.name, unit.parent));
            }
        });
        List<Choice> categories = new ArrayList<>();
        names.categories.forEach((code, name) -> categories.add(new Choice(code, name, null)));
        List<Choice> channels = CHANNELS.stream().map(c -> new Choice(c, CHANNEL_NAMES.get(c), null)).toList();
        return new Choices(aimags, soums, bodies, categories, channels);
    }

    /** Names of units, bodies, categories and groups: reference data, read per report (a few dozen rows). */
    public Names names() {
        Map<String, Unit> units = new LinkedHashMap<>();
        jdbc.query("SELECT code, level, name_mn, parent_code FROM org_unit WHERE level <> 'BAG' ORDER BY code",
                rs -> {
                    units.put(rs.getString("code"), new Unit(rs.getString("level"), rs.getString("name_mn"),
                            rs.getString("parent_code")));
                });
        Map<String, String> bodies = new HashMap<>();
        Map<String, String> groups = new HashMap<>();
        jdbc.query("SELECT code, name_mn, group_id FROM body", rs -> {
            bodies.put(rs.getString("code"), rs.getString("name_mn"));
            groups.put(rs.getString("group_id"), rs.getString("name_mn"));
        });
        Map<String, String> categories = new LinkedHashMap<>();
        jdbc.query("SELECT code, name_mn FROM category ORDER BY sort_order",
                rs -> {
                    categories.put(rs.getString("code"), rs.getString("name_mn"));
                });
        return new Names(units, bodies, groups, categories);
    }

    public record Unit(String level, String name, String parent) {
    }

    public record Names(Map<String, Unit> units, Map<String, String> bodies, Map<String, String> groups,
                 Map<String, String> categories) {

        public String unit(String code) {
            if (code == null || code.isEmpty()) {
                return "Тодорхойгүй";
            }
            Unit u = units.get(code);
            return u == null ? code : u.name;
        }

        public String body(String code) {
            return bodies.getOrDefault(code, code);
        }

        public String group(String groupId) {
            return groups.getOrDefault(groupId, groupId);
        }

        public String category(String code) {
            return code == null ? null : categories.getOrDefault(code, code);
        }
    }
}
