package mn.sanal.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import mn.sanal.support.Citizen;
import mn.sanal.support.IntegrationTest;

/**
 * The overdue dashboard's REST resource as Cockpit calls it (a logged-in webapp session), on PostgreSQL: counts per
 * aimag, soum and body from seeded petitions with the engine's clock fixed, one real case (Open311 → process → task)
 * for who holds it and the link into Cockpit, and the scoping: a supervisor of another aimag, officials of other
 * bodies, forged filters, a user who watches nothing, no login.
 */
public class OverdueDashboardIT extends IntegrationTest {

    /** "Now" for the dashboard: 2026-03-20 10:00 in Ulaanbaatar. */
    public static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 20, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    static final String OVERDUE = "/camunda/api/cockpit/plugin/sanal-supervision/default/overdue";

    private static boolean seeded;
    private static String khovdCase;
    private static String khovdInstance;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void seed() {
        if (seeded) {
            ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
            return;
        }
        // one real case in Khovd, filed 40 days before "now": its task is with Jargalant's health centre
        ClockUtil.setCurrentTime(Date.from(NOW.minusDays(40).toInstant()));
        var form = Citizen.healthComplaint("Жаргалант сумын эмнэлэгт эм алга.");
        form.put("address_string", "Ховд, Жаргалант, 3-р баг");
        khovdCase = new Citizen(http()).file(form).json().get(0).get("service_request_id").asText();
        eventually().until(() -> jdbc.sql("SELECT COUNT(*) FROM act_ru_task t JOIN petition p"
                + " ON p.process_instance_id = t.proc_inst_id_ WHERE p.tracking_code = ?").param(khovdCase)
                .query(Long.class).single() > 0);
        khovdInstance = jdbc.sql("SELECT process_instance_id FROM petition WHERE tracking_code = ?").param(khovdCase)
                .query(String.class).single();
        ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
        seedRows(jdbc);
        seeded = true;
    }

    /** Seeded petitions (the dashboard reads only our tables): see each test for what it expects of them. */
    public static void seedRows(JdbcClient jdbc) {
        // Govisumber, Sumber health centre: overdue 5 days, extended and due in 2 days, waiting for the citizen,
        // answered (not open), closed and rated 5
        insert(jdbc, "GOVI-A1", "govisumber", "govisumber.sumber", "sumber-health", "HEALTH", "SMS", "ASSIGNED",
                NOW.minusDays(35), NOW.minusDays(5), null, null, null);
        insert(jdbc, "GOVI-A2", "govisumber", "govisumber.sumber", "sumber-health", "HEALTH", "WEB", "EXTENDED",
                NOW.minusDays(43), NOW.plusDays(2), null, 15, null);
        insert(jdbc, "GOVI-A3", "govisumber", "govisumber.sumber", "sumber-health", "HEALTH", "SMS",
                "WAITING_FOR_CITIZEN", NOW.minusDays(20), NOW.plusDays(10), null, null, null);
        insert(jdbc, "GOVI-A4", "govisumber", "govisumber.sumber", "sumber-health", "HEALTH", "SMS", "ANSWERED",
                NOW.minusDays(33), NOW.minusDays(3), NOW.minusDays(4), null, null);
        insert(jdbc, "GOVI-A5", "govisumber", "govisumber.sumber", "sumber-health", "HEALTH", "PHONE", "CLOSED",
                NOW.minusDays(70), NOW.minusDays(40), NOW.minusDays(45), null, 5);
        // Govisumber, Sumber school: overdue by one hour (one day begun)
        insert(jdbc, "GOVI-B1", "govisumber", "govisumber.sumber", "sumber-education", "EDUCATION", "EMAIL",
                "ASSIGNED", NOW.minusDays(30), NOW.minusHours(1), null, null, null);
        // Khentii, Delgerkhaan health centre: overdue 20 days
        insert(jdbc, "KHEN-K1", "khentii", "khentii.delgerkhaan", "delgerkhaan-health", "HEALTH", "SMS",
                "ASSIGNED", NOW.minusDays(50), NOW.minusDays(20), null, null, null);
        // GOVI-A1 was transferred once
        long a1 = jdbc.sql("SELECT id FROM petition WHERE tracking_code = 'GOVI-A1'").query(Long.class).single();
        jdbc.sql("INSERT INTO petition_event (petition_id, at, status, actor, kind) VALUES (?, ?, 'TRANSFERRED',"
                + " 'sumber.office', 'STATUS')").params(a1, NOW.minusDays(30)).update();
    }

    public static void insert(JdbcClient jdbc, String code, String aimag, String soum, String body, String category,
                       String channel, String status, OffsetDateTime received, OffsetDateTime due,
                       OffsetDateTime answered, Integer extensionDays, Integer rating) {
        jdbc.sql("INSERT INTO petition (tracking_code, type, channel, contact_phone, citizen_name, text, category,"
                        + " aimag_code, soum_code, responsible_body, received_at, due_at, original_due_at,"
                        + " extension_days, status, answered_at, rating, updated_at)"
                        + " VALUES (?, 'COMPLAINT', ?, '99001122', 'Дорж Бат', 'Нууц гомдлын текст', ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?)")
                .params(code, channel, category, aimag, soum, body, received, due,
                        extensionDays == null ? due : due.minusDays(extensionDays), extensionDays, status, answered,
                        rating, received)
                .update();
    }

    @AfterAll
    static void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aSupervisorSeesTheirAimagPerAimagSoumAndBodyAndItsOverdueCases() throws Exception {
        JsonNode report = session("govisumber.supervisor", "cockpit").getJson(OVERDUE);

        assertThat(codes(report.get("rows"))).containsExactly("aimag:govisumber", "soum:govisumber.sumber",
                "body:sumber-education", "body:sumber-health");
        JsonNode aimag = row(report, "aimag", "govisumber");
        assertThat(aimag.get("name").asText()).isEqualTo("Говьсүмбэр");
        assertCounts(aimag, 4, 1, 2, 5, 1, 1);
        assertCounts(row(report, "soum", "govisumber.sumber"), 4, 1, 2, 5, 1, 1);
        assertCounts(row(report, "body", "sumber-health"), 3, 1, 1, 5, 1, 1);
        assertCounts(row(report, "body", "sumber-education"), 1, 0, 1, 1, 0, 0);

        JsonNode cases = report.get("cases");
        assertThat(cases).hasSize(2);
        assertThat(cases.get(0).get("trackingCode").asText()).isEqualTo("GOVI-A1");
        assertThat(cases.get(0).get("daysOverdue").asLong()).isEqualTo(5);
        assertThat(cases.get(0).get("body").asText()).isEqualTo("Сүмбэр сумын Эрүүл мэндийн төв");
        assertThat(cases.get(1).get("trackingCode").asText()).isEqualTo("GOVI-B1");
        assertThat(cases.get(1).get("daysOverdue").asLong()).isEqualTo(1);
        assertThat(report.toString()).doesNotContain("KHEN-K1", "khentii", khovdCase, "Нууц", "99001122");
    }

    @Test
    void theRealCaseShowsWhoHoldsItAndLinksToItsProcessInstance() throws Exception {
        JsonNode report = session("khovd.supervisor", "cockpit").getJson(OVERDUE);

        JsonNode cases = report.get("cases");
        assertThat(cases).hasSize(1);
        JsonNode c = cases.get(0);
        assertThat(c.get("trackingCode").asText()).isEqualTo(khovdCase);
        // filed 2026-02-08 10:00, due 2026-03-10 23:59:59, now 2026-03-20 10:00: 9 days and a begun tenth
        assertThat(c.get("daysOverdue").asLong()).isEqualTo(10);
        assertThat(c.get("holder").asText()).contains("Жаргалант сумын Эрүүл мэндийн төв");
        assertThat(c.get("task").asText()).contains("Өргөдөл шийдвэрлэх");
        assertThat(c.get("cockpitLink").asText()).isEqualTo("#/process-instance/" + khovdInstance);
        assertCounts(row(report, "aimag", "khovd"), 1, 0, 1, 10, 0, 0);
    }

    @Test
    void anotherAimagsSupervisorSeesNothingOfGovisumberEvenWithForgedFilters() throws Exception {
        CockpitSession attacker = session("khentii.supervisor", "cockpit");

        JsonNode own = attacker.getJson(OVERDUE);
        assertThat(codes(own.get("rows"))).containsExactly("aimag:khentii", "soum:khentii.delgerkhaan",
                "body:delgerkhaan-health");
        assertThat(own.get("cases").findValuesAsText("trackingCode")).containsExactly("KHEN-K1");
        assertThat(own.get("choices").get("aimags").findValuesAsText("code")).containsExactly("khentii");
        assertThat(own.get("choices").get("bodies").findValuesAsText("code")).allMatch(b -> !b.startsWith("sumber"));

        for (String forged : List.of("?aimag=govisumber", "?soum=govisumber.sumber", "?body=sumber-health",
                "?aimag=govisumber&body=sumber-health", "?aimag=khentii%27%20OR%20%271%27=%271",
                "?body=sumber-health&aimag=")) {
            JsonNode r = attacker.getJson(OVERDUE + forged);
            assertThat(r.get("rows")).as(forged).isEmpty();
            assertThat(r.get("cases")).as(forged).isEmpty();
            assertThat(r.toString()).as(forged).doesNotContain("GOVI-");
        }
    }

    @Test
    void anOfficialSeesOnlyTheirBody() throws Exception {
        CockpitSession health = session("sumber.health", "tasklist");
        JsonNode r = health.getJson(OVERDUE);
        assertThat(codes(r.get("rows"))).containsExactly("aimag:govisumber", "soum:govisumber.sumber",
                "body:sumber-health");
        assertCounts(row(r, "aimag", "govisumber"), 3, 1, 1, 5, 1, 1);
        assertThat(r.get("cases").findValuesAsText("trackingCode")).containsExactly("GOVI-A1");
        assertThat(r.get("choices").get("bodies").findValuesAsText("code")).containsExactly("sumber-health");

        // the school's case is in the same soum and aimag: a forged filter does not open it
        assertThat(health.getJson(OVERDUE + "?body=sumber-education").get("cases")).isEmpty();
        assertThat(health.getJson(OVERDUE + "?aimag=govisumber").get("cases").findValuesAsText("trackingCode"))
                .containsExactly("GOVI-A1");

        JsonNode school = session("sumber.school", "tasklist").getJson(OVERDUE);
        assertThat(school.get("cases").findValuesAsText("trackingCode")).containsExactly("GOVI-B1");
    }

    @Test
    void theAdministratorSeesEveryAimag() throws Exception {
        JsonNode r = session("demo", "cockpit").getJson(OVERDUE);
        assertThat(r.get("rows").findValuesAsText("code")).contains("govisumber", "khentii", "khovd");
        assertThat(r.get("cases").findValuesAsText("trackingCode"))
                .containsExactly("KHEN-K1", khovdCase, "GOVI-A1", "GOVI-B1");

        JsonNode filtered = session("demo", "cockpit").getJson(OVERDUE + "?channel=EMAIL");
        assertThat(filtered.get("cases").findValuesAsText("trackingCode")).containsExactly("GOVI-B1");
        JsonNode byCategory = session("demo", "cockpit").getJson(OVERDUE + "?category=HEALTH&aimag=govisumber");
        assertThat(byCategory.get("cases").findValuesAsText("trackingCode")).containsExactly("GOVI-A1");
    }

    @Test
    void nobodyElseGetsIn() throws Exception {
        HttpResponse<String> owner = session("owner", "cockpit").get(OVERDUE);
        assertThat(owner.statusCode()).as(owner.body()).isEqualTo(403);
        assertThat(owner.body()).doesNotContain("GOVI-");

        HttpResponse<String> anonymous = CockpitSession.anonymous(port).get(OVERDUE);
        assertThat(anonymous.statusCode()).isIn(401, 403);
        assertThat(anonymous.body()).doesNotContain("GOVI-");

        // Basic credentials are no login for the webapps' API
        HttpResponse<String> basic = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + port + OVERDUE))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("demo:demo".getBytes()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isIn(401, 403);
    }

    @Test
    void thePluginDeclaresAndServesItsAssets() throws Exception {
        CockpitSession anyone = CockpitSession.anonymous(port);
        HttpResponse<String> js = anyone.get("/camunda/api/cockpit/plugin/sanal-supervision/static/app/plugin.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.body()).contains("cockpit.dashboard", "cockpit.route", "cockpit.navigation",
                "sanal-overdue-dashboard", "sanal-overdue-case");
        assertThat(anyone.get("/camunda/api/cockpit/plugin/sanal-supervision/static/app/plugin.css").statusCode())
                .isEqualTo(200);
        // an asset it does not declare is not served
        assertThat(anyone.get("/camunda/api/cockpit/plugin/sanal-supervision/static/app/../../../application.yaml")
                .statusCode()).isNotEqualTo(200);
        // Cockpit's page loads the plugin
        HttpResponse<String> cockpit = session("govisumber.supervisor", "cockpit").get("/camunda/app/cockpit/default/");
        assertThat(cockpit.body()).contains("sanal-supervision");
    }

    static void assertCounts(JsonNode row, long open, long dueSoon, long overdue, long maxDays, long extended,
                             long waiting) {
        assertThat(row.get("open").asLong()).as("open of %s", row).isEqualTo(open);
        assertThat(row.get("dueSoon").asLong()).as("dueSoon of %s", row).isEqualTo(dueSoon);
        assertThat(row.get("overdue").asLong()).as("overdue of %s", row).isEqualTo(overdue);
        assertThat(row.get("maxDaysOverdue").asLong()).as("maxDaysOverdue of %s", row).isEqualTo(maxDays);
        assertThat(row.get("extended").asLong()).as("extended of %s", row).isEqualTo(extended);
        assertThat(row.get("waitingForCitizen").asLong()).as("waiting of %s", row).isEqualTo(waiting);
    }

    static JsonNode row(JsonNode report, String level, String code) {
        for (JsonNode r : report.get("rows")) {
            if (r.get("level").asText().equals(level) && r.get("code").asText().equals(code)) {
                return r;
            }
        }
        throw new AssertionError("no " + level + " " + code + " in " + report.get("rows"));
    }

    static List<String> codes(JsonNode rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.get("level").asText() + ":" + r.get("code").asText()));
        return out;
    }

    CockpitSession session(String user, String app) throws Exception {
        return CockpitSession.login(port, user, DEMO_PASSWORD, app);
    }
}
