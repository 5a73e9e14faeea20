package mn.sanal.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import mn.sanal.support.Citizen;
import mn.sanal.support.Http;
import mn.sanal.support.IntegrationTest;
import mn.sanal.supervision.CockpitSession;
import mn.sanal.supervision.OverdueDashboardIT;

/**
 * Analytics (JSON and CSV, in the Cockpit plugin, scoped like the dashboard) and the public statistics (no login,
 * no personal data, small cells suppressed), on the petitions {@link OverdueDashboardIT#seedRows} seeds plus six
 * closed ones in Jargaltkhaan, with the engine's clock fixed; one real case in Khovd for the time per step.
 */
class AnalyticsIT extends IntegrationTest {

    static final String BASE = "/camunda/api/cockpit/plugin/sanal-analytics/default";

    private static boolean seeded;
    private static String khovdCase;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void seed() {
        ClockUtil.setCurrentTime(Date.from(OverdueDashboardIT.NOW.toInstant()));
        if (seeded) {
            return;
        }
        OverdueDashboardIT.seedRows(jdbc);
        for (int i = 1; i <= 6; i++) {
            OverdueDashboardIT.insert(jdbc, "JARG-" + i, "khentii", "khentii.jargaltkhaan", "jargaltkhaan-health",
                    "HEALTH", "SMS", "CLOSED", OverdueDashboardIT.NOW.minusDays(10),
                    OverdueDashboardIT.NOW.plusDays(20), OverdueDashboardIT.NOW.minusDays(5), null, 4);
        }
        var form = Citizen.healthComplaint("Жаргалант сумын эмнэлэгт эм алга.");
        form.put("address_string", "Ховд, Жаргалант, 3-р баг");
        khovdCase = new Citizen(http()).file(form).json().get(0).get("service_request_id").asText();
        eventually().until(() -> jdbc.sql("SELECT COUNT(*) FROM act_ru_task t JOIN petition p"
                + " ON p.process_instance_id = t.proc_inst_id_ WHERE p.tracking_code = ?").param(khovdCase)
                .query(Long.class).single() > 0);
        seeded = true;
    }

    @AfterAll
    static void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aSupervisorGetsTheFiguresOfTheirAimagPerBodyAndMonth() throws Exception {
        JsonNode report = session("govisumber.supervisor", "cockpit").getJson(BASE + "/report");

        JsonNode health = body(report, "sumber-health");
        assertThat(health.get("received").asLong()).isEqualTo(5);
        assertThat(health.get("byChannel").get("SMS").asLong()).isEqualTo(3);
        assertThat(health.get("byChannel").get("WEB").asLong()).isEqualTo(1);
        assertThat(health.get("byType").get("COMPLAINT").asLong()).isEqualTo(5);
        assertThat(health.get("answered").asLong()).isEqualTo(2);
        assertThat(health.get("answeredOnTime").asLong()).isEqualTo(2);
        assertThat(health.get("onTimePercent").asDouble()).isEqualTo(100.0);
        // 29 and 25 days to answer
        assertThat(health.get("medianDays").asDouble()).isEqualTo(27.0);
        assertThat(health.get("p90Days").asDouble()).isEqualTo(28.6);
        assertThat(health.get("overdue").asLong()).isEqualTo(1);
        assertThat(health.get("extensions").asLong()).isEqualTo(1);
        assertThat(health.get("transfers").asLong()).isEqualTo(1);
        assertThat(health.get("ratings").toString()).isEqualTo("[0,0,0,0,1]");
        assertThat(health.get("ratingMean").asDouble()).isEqualTo(5.0);

        JsonNode school = body(report, "sumber-education");
        assertThat(school.get("received").asLong()).isEqualTo(1);
        assertThat(school.get("onTimePercent").isNull()).isTrue();
        assertThat(school.get("overdue").asLong()).isEqualTo(1);

        assertThat(report.get("months").findValuesAsText("month")).containsExactly("2026-01", "2026-02");
        assertThat(report.get("months").get(1).get("received").asLong()).isEqualTo(5);
        assertThat(report.get("rows").findValuesAsText("bodyCode")).containsOnly("sumber-health",
                "sumber-education");
        assertThat(report.toString()).doesNotContain("khentii", "jargaltkhaan", "Нууц", "99001122", "Дорж");

        JsonNode byAimag = session("govisumber.supervisor", "cockpit").getJson(BASE + "/report?groupBy=aimag");
        assertThat(byAimag.get("rows")).hasSize(2);
        assertThat(byAimag.get("rows").get(1).get("bodyCode").isNull()).isTrue();
        assertThat(byAimag.get("rows").get(1).get("received").asLong()).isEqualTo(5);
    }

    @Test
    void timeSpentPerStepComesFromCamundasHistoryOfTheAreasCases() throws Exception {
        JsonNode khovd = session("khovd.supervisor", "cockpit").getJson(BASE + "/report");
        assertThat(khovd.get("steps")).isNotEmpty();
        assertThat(khovd.get("steps").findValuesAsText("type")).allMatch(t -> !t.contains("Gateway")
                || t.equals("eventBasedGateway"));
        assertThat(khovd.get("steps").get(0).get("count").asLong()).isEqualTo(1);
        // Govisumber's seeded rows have no process instance: no steps, and none of Khovd's
        JsonNode govisumber = session("govisumber.supervisor", "cockpit").getJson(BASE + "/report");
        assertThat(govisumber.get("steps")).isEmpty();
    }

    @Test
    void theCsvHoldsTheSupervisorsAreaOnly() throws Exception {
        HttpResponse<String> csv = session("govisumber.supervisor", "cockpit").download(BASE + "/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFFСар,Аймгийн код,Аймаг,Сумын код,Сум,Байгууллагын код");
        assertThat(lines).hasSize(1 + 3); // 2026-01 health, 2026-02 education and health
        assertThat(lines[1]).startsWith("2026-01,govisumber,Говьсүмбэр,govisumber.sumber,Сүмбэр,sumber-health,");
        assertThat(csv.body()).doesNotContain("khentii", "Нууц", "99001122", "Дорж");

        HttpResponse<String> forged = session("khentii.supervisor", "cockpit")
                .download(BASE + "/csv?aimag=govisumber");
        assertThat(forged.statusCode()).isEqualTo(200);
        assertThat(forged.body().split("\r\n")).hasSize(1);

        assertThat(session("owner", "cockpit").download(BASE + "/csv").statusCode()).isEqualTo(403);
        assertThat(CockpitSession.anonymous(port).download(BASE + "/csv").statusCode()).isIn(401, 403);
        assertThat(session("demo", "cockpit").download(BASE + "/csv?groupBy=nonsense").statusCode()).isEqualTo(400);
    }

    @Test
    void thePublicStatisticsCarryNoPersonalDataAndHideSmallCells() {
        Http.Response r = http().get("/public/statistics.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("Нууц", "99001122", "Дорж", "Бат", "GOVI-", "JARG-", khovdCase,
                "sumber-health", "supervisor");

        JsonNode cells = r.json().get("cells");
        JsonNode jargaltkhaan = cell(cells, "2026-03", "khentii.jargaltkhaan");
        assertThat(jargaltkhaan.get("suppressed").asBoolean()).isFalse();
        assertThat(jargaltkhaan.get("received").asLong()).isEqualTo(6);
        assertThat(jargaltkhaan.get("answeredOnTime").asLong()).isEqualTo(6);
        assertThat(jargaltkhaan.get("ratingMean").asDouble()).isEqualTo(4.0);

        JsonNode sumberFebruary = cell(cells, "2026-02", "govisumber.sumber");
        assertThat(sumberFebruary.get("received").asLong()).isEqualTo(5);
        // one rating: no mean; 1 by web (fewer than 5): not shown
        assertThat(sumberFebruary.get("ratingMean").isNull()).isTrue();
        assertThat(sumberFebruary.get("byChannel").get("WEB").isNull()).isTrue();
        assertThat(sumberFebruary.get("byChannel").get("SMS").isNull()).isTrue();

        JsonNode sumberJanuary = cell(cells, "2026-01", "govisumber.sumber");
        assertThat(sumberJanuary.get("suppressed").asBoolean()).isTrue();
        assertThat(sumberJanuary.get("received").isNull()).isTrue();
        assertThat(sumberJanuary.get("ratingMean").isNull()).isTrue();

        Http.Response page = http().get("/public/statistics.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("sanal-public-stats", "statistics.json");
    }

    static JsonNode cell(JsonNode cells, String month, String soum) {
        for (JsonNode c : cells) {
            if (c.get("month").asText().equals(month) && soum.equals(c.get("soumCode").asText())) {
                return c;
            }
        }
        throw new AssertionError("no " + month + " " + soum + " in " + cells);
    }

    static JsonNode body(JsonNode report, String code) {
        for (JsonNode b : report.get("bodies")) {
            if (code.equals(b.get("bodyCode").asText())) {
                return b;
            }
        }
        throw new AssertionError("no body " + code + " in " + report.get("bodies"));
    }

    CockpitSession session(String user, String app) throws Exception {
        return CockpitSession.login(port, user, DEMO_PASSWORD, app);
    }
}
