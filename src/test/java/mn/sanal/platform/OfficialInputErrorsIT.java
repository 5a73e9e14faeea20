package mn.sanal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import mn.sanal.petitions.PetitionHandlingProcess.Values;
import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.support.Citizen;
import mn.sanal.support.Http;
import mn.sanal.support.IntegrationTest;

/**
 * An official whose input a task refuses gets a 400 carrying the Mongolian message alone, through the engine REST API
 * and through the webapps' API that Tasklist calls, and the task stays open. Before: HTTP 500 with
 * "Cannot complete task ...: ENGINE-03051 Exception while invoking TaskListener: ...".
 */
class OfficialInputErrorsIT extends IntegrationTest {

    private static final String OFFICIAL = "sumber.health";
    private static final String ALREADY_HERE = "Өргөдөл аль хэдийн энэ байгууллагад байна. Өөр байгууллага сонгоно уу.";

    @Autowired
    JdbcClient jdbc;

    private String taskId;
    private Map<String, Object> transferToOwnBody;

    @BeforeEach
    void aResolveTaskWaitsForTheOfficial() {
        String code = new Citizen(http()).fileHealthComplaint("Эмнэлгийн хаалга эвдэрсэн.");
        Http official = as(OFFICIAL);
        eventually().untilAsserted(() -> assertThat(
                official.get("/engine-rest/task?processInstanceBusinessKey={code}", code).json()).hasSize(1));
        taskId = official.get("/engine-rest/task?processInstanceBusinessKey={code}", code).json().get(0).get("id")
                .asText();
        String body = jdbc.sql("SELECT responsible_body FROM petition WHERE tracking_code = ?").param(code)
                .query(String.class).single();
        transferToOwnBody = Map.of("variables", Map.of(
                Vars.RESOLVE_ACTION, Map.of("value", Values.ACTION_TRANSFER),
                Vars.TRANSFER_BODY, Map.of("value", body),
                Vars.TRANSFER_REASON, Map.of("value", "Манайх биш")));
    }

    @Test
    void completeThroughTheRestApiAnswers400WithTheMessageAlone() {
        Http.Response r = as(OFFICIAL).postJson("/engine-rest/task/{id}/complete", transferToOwnBody, taskId);
        assertThat(r.status()).as("%s", r).isEqualTo(400);
        assertThat(r.json().get("message").asText()).isEqualTo(ALREADY_HERE);
        assertTaskStillOpen();
    }

    @Test
    void submitFormThroughTheRestApiAnswers400WithTheMessageAlone() {
        Http.Response r = as(OFFICIAL).postJson("/engine-rest/task/{id}/submit-form", transferToOwnBody, taskId);
        assertThat(r.status()).as("%s", r).isEqualTo(400);
        assertThat(r.json().get("message").asText()).isEqualTo(ALREADY_HERE);
        assertTaskStillOpen();
    }

    @Test
    void submitFormAsTasklistDoesAnswers400WithTheMessageAlone() throws Exception {
        Webapp tasklist = Webapp.login(port, OFFICIAL, DEMO_PASSWORD);
        HttpResponse<String> r = tasklist.postJson(
                "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
                new ObjectMapper().writeValueAsString(transferToOwnBody));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(r.body()).get("message").asText()).isEqualTo(ALREADY_HERE);
        assertTaskStillOpen();
    }

    @Test
    void aFaultThatIsNotTheOfficialsStaysA500() {
        // no such task: the engine's own answer, untouched by the rewrite
        Http.Response r = as(OFFICIAL).postJson("/engine-rest/task/{id}/complete", Map.of("variables", Map.of()),
                "no-such-task");
        assertThat(r.status()).as("%s", r).isNotEqualTo(400);
        assertThat(r.json().get("message").asText()).startsWith("Cannot complete task no-such-task");
    }

    private void assertTaskStillOpen() {
        JsonNode task = as(OFFICIAL).get("/engine-rest/task/{id}", taskId).json();
        assertThat(task.get("id").asText()).isEqualTo(taskId);
    }

    /** A browser session on the webapps: the CSRF cookie, the login form, then API calls with the CSRF header. */
    record Webapp(HttpClient client, int port, String csrf) {

        static Webapp login(int port, String user, String password) throws IOException, InterruptedException {
            CookieManager cookies = new CookieManager();
            HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
            client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/"))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            String csrf = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst()
                    .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(
                            "http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            // the login starts a new session with a new CSRF token, handed out on the next request
            HttpResponse<Void> whoAmI = client.send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + port + "/camunda/api/admin/auth/user/default")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            String fresh = whoAmI.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> cookies.getCookieStore()
                    .getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).reduce((a, b) -> b).orElse(csrf));
            return new Webapp(client, port, fresh);
        }

        HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("X-XSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
