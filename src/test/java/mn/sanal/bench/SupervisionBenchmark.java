package mn.sanal.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import mn.sanal.SanalApplication;
import mn.sanal.supervision.CockpitSession;
import mn.sanal.support.EmbeddedPostgresServer;

/**
 * Supervision at scale (issue 12). Not a test: a harness that prints figures.
 * <p>
 * Starts the whole app (profiles {@code postgres} + {@code bench}, authorizations on, demo organisation) on a fresh
 * embedded PostgreSQL 17, files one real petition (Open311, Sumber health centre) and waits until it is at "Өргөдөл
 * шийдвэрлэх". That case is the template: its petition row and every engine row of its instance (executions, the
 * task, its candidate group link, variables and their byte arrays, timer jobs, event subscriptions, the task's and the
 * case's authorizations) are copied N times in SQL, each copy with its own ids, tracking code, body (round robin over
 * the 25 demo bodies, with that body's group and its aimag's supervisors) and due date (from 20 days overdue to 39
 * days ahead). So each copy is what the engine itself would hold for an open case in that body. History rows are not
 * copied (the measured queries read none). Then C closed petitions (rows only, answered, rated) are added.
 * <p>
 * Measured over HTTP on loopback, each with a webapp session as a browser holds it, after warm-up:
 * <ol>
 *   <li>the official {@code sumber.health}'s Tasklist filter "Манай байгууллагын даалгавар": {@code POST
 *   /camunda/api/engine/engine/default/filter/<id>/list?firstResult=0&maxResults=15} with HAL, as Tasklist asks
 *   (list and count);</li>
 *   <li>the supervisor {@code govisumber.supervisor}'s overdue dashboard (the Cockpit plugin's REST resource);</li>
 *   <li>the analytics CSV for Khentii ({@code khentii.supervisor}, by body and month).</li>
 * </ol>
 * <pre>
 * ./mvnw -q -o test -Dtest=SupervisionBenchmark -Dbench.open=100000 [-Dbench.closed=100000] [-Dbench.runs=50] [-Dbench.hold=<s>]
 * </pre>
 * The table is printed and written to {@code target/bench/}.
 */
@Tag("bench")
public class SupervisionBenchmark {

    private static final String[] SOUMS = {"govisumber.sumber:sumber", "khentii.delgerkhaan:delgerkhaan",
            "khentii.jargaltkhaan:jargaltkhaan", "khentii.batshireet:batshireet", "khovd.jargalant:jargalant"};
    private static final String[] KINDS = {"governor-office", "khural", "health", "education", "land"};
    private static final String MY_BODY = "Манай байгууллагын даалгавар";

    @Test
    void supervisionAtScale() throws Exception {
        run(Integer.getInteger("bench.open", 100_000), Integer.getInteger("bench.closed", 100_000),
                Integer.getInteger("bench.runs", 50));
    }

    static void run(int open, int closed, int runs) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone(SanalApplication.TIME_ZONE));
        if (open < 1 || open > 200_000 || closed < 0 || closed > 500_000 || runs < 5 || runs > 1000) {
            throw new IllegalArgumentException("open in 1..200000, closed in 0..500000, runs in 5..1000");
        }
        String dbUrl = EmbeddedPostgresServer.createDatabase("sanal_bench_supervision");
        long t0 = System.nanoTime();
        ConfigurableApplicationContext app = new SpringApplication(SanalApplication.class).run(
                "--spring.profiles.active=postgres,bench", "--spring.datasource.url=" + dbUrl,
                "--spring.datasource.username=" + EmbeddedPostgresServer.USER,
                "--spring.datasource.password=" + EmbeddedPostgresServer.PASSWORD,
                "--sanal.sms.enabled=false", "--sanal.mail.enabled=false", "--sanal.mail.simulator.enabled=false",
                "--sanal.fax.enabled=false", "--sanal.voicemail.enabled=false",
                "--sanal.open311.creations-per-minute=1000");
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        System.out.printf(Locale.ROOT, "app started in %.1f s on port %d%n", secs(t0), port);
        try {
            JdbcClient jdbc = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
            String template = template(port, jdbc);
            long s0 = System.nanoTime();
            seedOpen(jdbc, template, open);
            double openSecs = secs(s0);
            long c0 = System.nanoTime();
            seedClosed(jdbc, closed);
            double closedSecs = secs(c0);
            String setting = System.getProperty("bench.pg");
            if (setting != null) {
                // e.g. -Dbench.pg=random_page_cost=1.1: a planner setting for this database, new connections
                String[] kv = setting.split("=", 2);
                jdbc.sql("ALTER DATABASE " + jdbc.sql("SELECT current_database()").query(String.class).single()
                        + " SET " + kv[0] + " = " + kv[1]).update();
                app.getBean(javax.sql.DataSource.class).unwrap(com.zaxxer.hikari.HikariDataSource.class)
                        .getHikariPoolMXBean().softEvictConnections();
                Thread.sleep(2000);
                System.out.println("planner setting for new connections: " + setting);
            }
            jdbc.sql("ANALYZE").update();
            long tasks = jdbc.sql("SELECT COUNT(*) FROM act_ru_task").query(Long.class).single();
            long authorizations = jdbc.sql("SELECT COUNT(*) FROM act_ru_authorization").query(Long.class).single();
            System.out.printf(Locale.ROOT, "seeded %d open cases in %.1f s (%d tasks, %d authorizations), %d closed in"
                    + " %.1f s%n", open, openSecs, tasks, authorizations, closed, closedSecs);

            CockpitSession official = CockpitSession.login(port, "sumber.health", "demo", "tasklist");
            String filterId = filterId(official);
            String tasklistBody = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
                    + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";
            String filterPath = "/camunda/api/engine/engine/default/filter/" + filterId
                    + "/list?firstResult=0&maxResults=15";
            CockpitSession supervisor = CockpitSession.login(port, "govisumber.supervisor", "demo", "cockpit");
            CockpitSession khentii = CockpitSession.login(port, "khentii.supervisor", "demo", "cockpit");

            List<String> lines = new ArrayList<>();
            lines.add(measure("official's filter \"" + MY_BODY + "\" (list + count, 15 per page)", runs,
                    () -> official.postRaw(filterPath, tasklistBody, "application/hal+json")));
            lines.add(measure("the same filter, plain JSON (no HAL: list only)", runs,
                    () -> official.postRaw(filterPath, tasklistBody, "application/json")));
            lines.add(measure("supervisor's overdue dashboard (Govisumber)", runs,
                    () -> supervisor.get("/camunda/api/cockpit/plugin/sanal-supervision/default/overdue")));
            lines.add(measure("analytics CSV for an aimag (Khentii, by body and month)", runs,
                    () -> khentii.download("/camunda/api/cockpit/plugin/sanal-analytics/default/csv")));

            if (Boolean.getBoolean("bench.explain")) {
                explain(jdbc, () -> official.postRaw(filterPath, tasklistBody, "application/hal+json"));
            }
            Bench.holdIfAsked(dbUrl);
            HttpResponse<String> sample = official.postRaw(filterPath, tasklistBody, "application/hal+json");
            String count = sample.body().replaceAll("(?s).*\"count\":(\\d+).*", "$1");
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%nSupervision at scale %s: embedded PostgreSQL 17, %d CPUs, load"
                    + " average %.1f, %d open cases (%d tasks) + %d closed petitions, authorizations on; %d runs each"
                    + " after 5 warm-up; the official's filter holds %s tasks%n", OffsetDateTime.now().withNano(0),
                    Runtime.getRuntime().availableProcessors(), loadAverage(), open, tasks, closed, runs, count));
            out.append("| query | N open | p50 ms | p95 ms | max ms | bytes |\n|---|--:|--:|--:|--:|--:|\n");
            lines.forEach(l -> out.append(l.replace("{N}", Integer.toString(open))).append('\n'));
            System.out.print(out);
            Path dir = Path.of("target", "bench");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("supervision-" + System.currentTimeMillis() + ".md"), out);
        } finally {
            app.close();
        }
    }

    /** One real petition, filed as a citizen does, at the official's task: the template of every open case. */
    private static String template(int port, JdbcClient jdbc) throws Exception {
        String form = "service_code=HEALTH&description=" + enc("Эмнэлэгт эмч байхгүй байна")
                + "&address_string=" + enc("Говьсүмбэр, Сүмбэр, 3-р баг")
                + "&phone=99112233&attribute%5Bpetition_type%5D=COMPLAINT";
        HttpResponse<String> filed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/open311/v2/requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Assertions.assertEquals(201, filed.statusCode(), filed.body());
        String code = filed.body().replaceAll("(?s).*\"service_request_id\":\"([^\"]+)\".*", "$1");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (jdbc.sql("SELECT COUNT(*) FROM act_ru_task t JOIN petition p ON p.process_instance_id = t.proc_inst_id_"
                + " WHERE p.tracking_code = ?").param(code).query(Long.class).single() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the template petition never reached its task");
            }
            Thread.sleep(200);
        }
        Thread.sleep(1000); // the task's save point and listeners
        return jdbc.sql("SELECT process_instance_id FROM petition WHERE tracking_code = ?").param(code)
                .query(String.class).single();
    }

    /**
     * Copies the template's petition row and engine rows N times in SQL: every id of the template's rows (and every
     * column holding one) gets the suffix {@code -b<g>}; the body's and supervisors' group ids become copy g's.
     */
    private static void seedOpen(JdbcClient jdbc, String pi, int n) {
        jdbc.sql("CREATE TABLE bench_body (k INT PRIMARY KEY, body VARCHAR(80), grp VARCHAR(64),"
                + " soum VARCHAR(60), aimag VARCHAR(60), sup VARCHAR(64))").update();
        int k = 0;
        for (String soum : SOUMS) {
            String[] s = soum.split(":");
            String aimag = s[0].substring(0, s[0].indexOf('.'));
            for (String kind : KINDS) {
                String body = s[1] + "-" + kind;
                jdbc.sql("INSERT INTO bench_body VALUES (?, ?, ?, ?, ?, ?)")
                        .params(k++, body, "body-" + body, s[0], aimag, "supervisors-" + aimag).update();
            }
        }
        Map<String, Object> p = jdbc.sql("SELECT * FROM petition WHERE process_instance_id = ?").param(pi)
                .query().singleRow();
        String templateGroup = "body-" + p.get("responsible_body");
        String templateSup = "supervisors-" + p.get("aimag_code");

        // every id the template's engine rows hold
        Set<String> ids = new LinkedHashSet<>();
        ids.add(pi);
        ids.addAll(strings(jdbc, "SELECT id_ FROM act_ru_execution WHERE proc_inst_id_ = ?", pi));
        List<String> taskIds = strings(jdbc, "SELECT id_ FROM act_ru_task WHERE proc_inst_id_ = ?", pi);
        ids.addAll(taskIds);
        ids.addAll(strings(jdbc, "SELECT id_ FROM act_ru_variable WHERE proc_inst_id_ = ?", pi));
        ids.addAll(strings(jdbc, "SELECT bytearray_id_ FROM act_ru_variable WHERE proc_inst_id_ = ?"
                + " AND bytearray_id_ IS NOT NULL", pi));
        ids.addAll(strings(jdbc, "SELECT id_ FROM act_ru_job WHERE process_instance_id_ = ?", pi));
        ids.addAll(strings(jdbc, "SELECT id_ FROM act_ru_event_subscr WHERE proc_inst_id_ = ?", pi));
        ids.addAll(strings(jdbc, "SELECT l.id_ FROM act_ru_identitylink l JOIN act_ru_task t ON t.id_ = l.task_id_"
                + " WHERE t.proc_inst_id_ = ?", pi));
        ids.addAll(strings(jdbc, "SELECT a.id_ FROM act_ru_authorization a WHERE a.resource_id_ = ? OR a.resource_id_"
                + " IN (SELECT id_ FROM act_ru_task WHERE proc_inst_id_ = ?)", pi, pi));
        ids.remove(null);
        String idList = ids.stream().map(i -> "'" + i.replace("'", "''") + "'").collect(Collectors.joining(","));

        String[][] tables = {
                {"act_ge_bytearray", "id_ IN (" + idList + ")"},
                {"act_ru_execution", "proc_inst_id_ = '" + pi + "'"},
                {"act_ru_task", "proc_inst_id_ = '" + pi + "'"},
                {"act_ru_variable", "proc_inst_id_ = '" + pi + "'"},
                {"act_ru_job", "process_instance_id_ = '" + pi + "'"},
                {"act_ru_event_subscr", "proc_inst_id_ = '" + pi + "'"},
                {"act_ru_identitylink", "id_ IN (" + idList + ")"},
                {"act_ru_authorization", "id_ IN (" + idList + ")"}};
        // copies in chunks, so that one statement stays a few seconds
        int chunk = 10_000;
        for (int from = 1; from <= n; from += chunk) {
            int to = Math.min(n, from + chunk - 1);
            String series = "(SELECT g, b.* FROM generate_series(" + from + ", " + to + ") g"
                    + " JOIN bench_body b ON b.k = g % 25) s";
            for (String[] t : tables) {
                List<String> cols = strings(jdbc, "SELECT column_name FROM information_schema.columns"
                        + " WHERE table_name = ? AND table_schema = current_schema() ORDER BY ordinal_position", t[0]);
                List<String> types = strings(jdbc, "SELECT data_type FROM information_schema.columns"
                        + " WHERE table_name = ? AND table_schema = current_schema() ORDER BY ordinal_position", t[0]);
                List<String> select = new ArrayList<>();
                for (int i = 0; i < cols.size(); i++) {
                    String c = cols.get(i);
                    select.add(expression(t[0], c, types.get(i), idList, templateGroup, templateSup));
                }
                jdbc.sql("INSERT INTO " + t[0] + " (" + String.join(", ", cols) + ") SELECT "
                        + String.join(", ", select) + " FROM " + t[0] + " x, " + series + " WHERE x." + t[1]).update();
            }
            // the petition rows
            jdbc.sql("INSERT INTO petition (tracking_code, type, channel, channel_message_id, contact_phone, text,"
                    + " category, aimag_code, soum_code, bag_code, responsible_body, received_at, due_at,"
                    + " original_due_at, status, overdue, process_instance_id, updated_at)"
                    + " SELECT 'B' || LPAD(s.g::text, 7, '0'), x.type, (ARRAY['SMS','WEB','EMAIL','PHONE','WALK_IN'])[1 + s.g % 5],"
                    + " NULL, '99' || LPAD((s.g % 1000000)::text, 6, '0'), x.text, x.category, s.aimag, s.soum, NULL,"
                    + " s.body, now() + (((s.g % 60) - 50) || ' days')::interval, now() + (((s.g % 60) - 20) || ' days')::interval,"
                    + " now() + (((s.g % 60) - 20) || ' days')::interval, x.status, FALSE, x.process_instance_id || '-b' || s.g, now()"
                    + " FROM petition x, " + series + " WHERE x.process_instance_id = ?").param(pi).update();
            System.out.printf(Locale.ROOT, "  copied %d of %d%n", to, n);
        }
    }

    /** The SELECT expression that gives copy g's value of one column. */
    private static String expression(String table, String column, String type, String idList, String group,
                                     String sup) {
        String x = "x." + column;
        boolean text = type.contains("char") || type.equals("text");
        if (table.equals("act_ru_task") && column.equals("due_date_")) {
            return "now() + (((s.g % 60) - 20) || ' days')::interval";
        }
        if (table.equals("act_ru_execution") && column.equals("business_key_")) {
            return "'B' || LPAD(s.g::text, 7, '0')";
        }
        if (!text) {
            return x;
        }
        if (column.equals("group_id_")) {
            return "CASE WHEN " + x + " = '" + group + "' THEN s.grp WHEN " + x + " = '" + sup + "' THEN s.sup ELSE "
                    + x + " END";
        }
        return "CASE WHEN " + x + " IN (" + idList + ") THEN " + x + " || '-b' || s.g ELSE " + x + " END";
    }

    /** Closed petitions, answered (most on time), rated: rows only (their instances would have ended). */
    private static void seedClosed(JdbcClient jdbc, int n) {
        if (n == 0) {
            return;
        }
        jdbc.sql("INSERT INTO petition (tracking_code, type, channel, text, category, aimag_code, soum_code,"
                + " responsible_body, received_at, due_at, original_due_at, status, overdue, answer, answered_at,"
                + " rating, rated_at, closed_at, updated_at)"
                + " SELECT 'C' || LPAD(g::text, 7, '0'), (ARRAY['COMPLAINT','SUGGESTION','REQUEST','CRITICISM','THANKS'])[1 + g % 5],"
                + " (ARRAY['SMS','WEB','EMAIL','PHONE','WALK_IN','FAX','VOICEMAIL'])[1 + g % 7], 'хаагдсан', 'HEALTH',"
                + " b.aimag, b.soum, b.body, now() - ((60 + g % 700) || ' days')::interval,"
                + " now() - ((30 + g % 700) || ' days')::interval, now() - ((30 + g % 700) || ' days')::interval,"
                + " 'CLOSED', FALSE, 'хариу', now() - ((60 + g % 700 - (g % 37)) || ' days')::interval, 1 + g % 5,"
                + " now() - ((20 + g % 700) || ' days')::interval, now() - ((20 + g % 700) || ' days')::interval, now()"
                + " FROM generate_series(1, ?) g JOIN bench_body b ON b.k = g % 25").param(n).update();
    }

    private static String filterId(CockpitSession official) throws Exception {
        HttpResponse<String> filters = official.get("/camunda/api/engine/engine/default/filter?resourceType=Task");
        for (String f : filters.body().split("\\},\\{")) {
            if (f.contains(MY_BODY)) {
                return f.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
            }
        }
        throw new IllegalStateException("no filter " + MY_BODY + ": " + filters.body());
    }

    private static String measure(String what, int runs, Callable<HttpResponse<String>> call) throws Exception {
        long bytes = 0;
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = call.call();
            if (r.statusCode() != 200) {
                throw new IllegalStateException(what + ": HTTP " + r.statusCode() + " " + r.body());
            }
            bytes = r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        long[] took = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = call.call();
            took[i] = System.nanoTime() - t;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(what + ": HTTP " + r.statusCode());
            }
        }
        Arrays.sort(took);
        return String.format(Locale.ROOT, "| %s | {N} | %.1f | %.1f | %.1f | %d |", what, ms(pct(took, 0.50)),
                ms(pct(took, 0.95)), ms(took[runs - 1]), bytes);
    }

    /**
     * {@code -Dbench.explain=true}: the SQL the engine runs for one call of the filter (MyBatis' debug log of the task
     * and identity queries), each with its time and PostgreSQL's plan (EXPLAIN ANALYZE), to see which index is missing.
     */
    private static void explain(JdbcClient jdbc, Callable<HttpResponse<String>> call) throws Exception {
        ch.qos.logback.classic.Logger camunda = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger("org.camunda.bpm.engine.impl.persistence.entity");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> sql =
                new ch.qos.logback.core.read.ListAppender<>();
        sql.start();
        ch.qos.logback.classic.Level before = camunda.getLevel();
        camunda.setLevel(ch.qos.logback.classic.Level.DEBUG);
        camunda.addAppender(sql);
        try {
            call.call();
        } finally {
            camunda.detachAppender(sql);
            camunda.setLevel(before);
        }
        String statement = null;
        for (ch.qos.logback.classic.spi.ILoggingEvent e : sql.list) {
            String m = e.getFormattedMessage();
            if (m.contains("Preparing:")) {
                statement = m.substring(m.indexOf("Preparing:") + 10).trim();
            } else if (m.contains("Parameters:") && statement != null) {
                String bound = bind(statement, m.substring(m.indexOf("Parameters:") + 11).trim());
                statement = null;
                if (!bound.toLowerCase(Locale.ROOT).startsWith("select")) {
                    continue;
                }
                if (e.getThreadName().startsWith("JobExecutor") || e.getThreadName().startsWith("camundaTaskExecutor")) {
                    continue; // the job executor's statements, not the request's
                }
                System.out.println("\n--- " + e.getLoggerName() + "\n" + bound);
                try {
                    jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + bound).query(String.class).list()
                            .forEach(System.out::println);
                } catch (org.springframework.dao.DataAccessException notExplained) {
                    System.out.println("(not explained: " + notExplained.getMostSpecificCause().getMessage() + ")");
                }
            }
        }
    }

    /** MyBatis' "a(String), 2(Integer), null" bound into the ?s of the statement, as literals. */
    private static String bind(String sql, String parameters) {
        List<String> values = new ArrayList<>();
        if (!parameters.isEmpty()) {
            for (String p : parameters.split(", ")) {
                if (p.equals("null")) {
                    values.add("NULL");
                } else {
                    String v = p.substring(0, p.lastIndexOf('('));
                    String type = p.substring(p.lastIndexOf('(') + 1, p.length() - 1);
                    values.add(type.equals("String") || type.equals("Timestamp") || type.equals("Date")
                            ? "'" + v.replace("'", "''") + "'" : v);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            out.append(c == '?' && n < values.size() ? values.get(n++) : String.valueOf(c));
        }
        return out.toString();
    }

    private static List<String> strings(JdbcClient jdbc, String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(String.class).list();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
