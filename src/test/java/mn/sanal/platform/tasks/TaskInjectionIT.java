package mn.sanal.platform.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import mn.sanal.intake.IntakeResult;
import mn.sanal.intake.IntakeService;
import mn.sanal.petitions.Channel;
import mn.sanal.petitions.NewPetition;
import mn.sanal.petitions.PetitionHandlingProcess.Elements;
import mn.sanal.petitions.PetitionHandlingProcess.Messages;
import mn.sanal.petitions.PetitionHandlingProcess.Values;
import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.petitions.PetitionType;
import mn.sanal.support.Citizen;
import mn.sanal.support.Http;
import mn.sanal.support.IntegrationTest;

/**
 * An official who may work one task tries to act on another citizen's petition, or on the rules of their own case,
 * by writing process variables: the identity {@code petitionId} of a Khentii petition, and the control variables
 * ({@code supervisorGroup}, {@code petitionDueDate}, {@code maxExtensionDays}, {@code bodyGroup}). Every user task of
 * the petition process is attacked through the engine REST API as Tasklist and any HTTP client can call it
 * ({@code complete}, {@code submit-form}, also with a transient variable, which the database never sees but the
 * task's listeners would read), Tasklist's own session API for one task,
 * and every endpoint that writes variables directly. Each attack is refused, the task stays open, and neither the
 * Khentii petition nor the official's own case changed; then the form's real fields complete the task.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskInjectionIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KHENTII_PHONE = "88112233";
    private static final List<String> CONTROL = List.of(Vars.PETITION_ID, Vars.SUPERVISOR_GROUP,
            Vars.PETITION_DUE_DATE, Vars.MAX_EXTENSION_DAYS, Vars.BODY_GROUP, Vars.TRACKING_CODE);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    IntakeService intake;

    private long victimId;
    private String victimCode;

    /** A Delgerkhaan (Khentii) citizen's complaint, waiting at its own health centre. */
    @BeforeAll
    void aKhentiiCitizensComplaintWaitsForItsBody() {
        Map<String, String> form = Citizen.healthComplaint("Дэлгэрхаан сумын эмнэлэгт эм байхгүй байна.");
        form.put("address_string", "Хэнтий, Дэлгэрхаан");
        form.put("phone", KHENTII_PHONE);
        Http.Response filed = new Citizen(http()).file(form);
        assertThat(filed.status()).as("%s", filed).isEqualTo(201);
        victimCode = filed.json().get(0).get("service_request_id").asText();
        victimId = jdbc.sql("SELECT id FROM petition WHERE tracking_code = ?").param(victimCode).query(Long.class)
                .single();
        task(victimCode, Elements.RESOLVE, as("delgerkhaan.health"));
    }

    // ------------------------------------------------------------------------------------------ every user task

    @Test
    void resolveRequestExtensionAndApproveExtension() {
        String code = new Citizen(http()).fileHealthComplaint("Сүмбэрийн эмнэлгийн хаалга эвдэрсэн.");
        Http official = as("sumber.health");
        String resolve = claimed(code, Elements.RESOLVE, official, "sumber.health");
        attacksAreRefused(official, code, resolve, form(Vars.RESOLVE_ACTION, Values.ACTION_ANSWER,
                Vars.ANSWER_TEXT, "Хаалгыг засна.", Vars.OUTCOME, "RESOLVED"));
        completes(official, resolve, form(Vars.RESOLVE_ACTION, Values.ACTION_EXTEND));

        String request = task(code, Elements.REQUEST_EXTENSION, official);
        attacksAreRefused(official, code, request, form(Vars.EXTENSION_DAYS, 10, Vars.EXTENSION_REASON,
                "Төсөв хүлээж байна"));
        completes(official, request, form(Vars.EXTENSION_DAYS, 10, Vars.EXTENSION_REASON, "Төсөв хүлээж байна"));

        Http head = as("sumber.governor");
        String approve = task(code, Elements.APPROVE_EXTENSION, head);
        attacksAreRefused(head, code, approve, form(Vars.EXTENSION_DECISION, Values.EXTENSION_APPROVE));
        completes(head, approve, form(Vars.EXTENSION_DECISION, Values.EXTENSION_APPROVE,
                Vars.APPROVAL_NOTE, "Зөвшөөрөв, хугацаандаа дуусгана уу"));

        task(code, Elements.RESOLVE, official);
        assertThat(notes(code)).anyMatch(n -> n.contains("Зөвшөөрөв, хугацаандаа дуусгана уу"));
        assertThat(jdbc.sql("SELECT extension_days FROM petition WHERE tracking_code = ?").param(code)
                .query(Integer.class).single()).isEqualTo(10);
    }

    @Test
    void triage() {
        Map<String, String> other = Citizen.healthComplaint("Сүмбэрт зам эвдэрсэн, хэнд хандахаа мэдэхгүй байна.");
        other.put("service_code", "OTHER");
        Http.Response filed = new Citizen(http()).file(other);
        assertThat(filed.status()).as("%s", filed).isEqualTo(201);
        String code = filed.json().get(0).get("service_request_id").asText();
        Http office = as("sumber.office");
        String triage = claimed(code, Elements.TRIAGE, office, "sumber.office");
        attacksAreRefused(office, code, triage, form(Vars.ROUTED_BODY, "sumber-land"));
        completes(office, triage, form(Vars.ROUTED_BODY, "sumber-land", Vars.TRIAGE_NOTE, "Газрын албаны асуудал"));

        task(code, Elements.RESOLVE, as("sumber.land"));
        assertThat(notes(code)).anyMatch(n -> n.contains("Газрын албаны асуудал"));
    }

    @Test
    void readThanks() {
        Map<String, String> thanks = Citizen.healthComplaint("Сүмбэрийн эмч нарт баярлалаа.");
        thanks.put("attribute[petition_type]", "THANKS");
        Http.Response filed = new Citizen(http()).file(thanks);
        assertThat(filed.status()).as("%s", filed).isEqualTo(201);
        String code = filed.json().get(0).get("service_request_id").asText();
        Http official = as("sumber.health");
        String read = claimed(code, Elements.READ_THANKS, official, "sumber.health");
        attacksAreRefused(official, code, read, form(Vars.THANKS_READ, true));
        completes(official, read, form(Vars.THANKS_READ, true, Vars.THANKS_NOTE, "Эмч нарт уламжлав"));

        eventually().untilAsserted(() -> assertThat(status(code)).isEqualTo("CLOSED"));
        assertThat(notes(code)).anyMatch(n -> n.contains("Эмч нарт уламжлав"));
    }

    @Test
    void reviewLowRating() {
        String code = new Citizen(http()).fileHealthComplaint("Сүмбэрийн эмнэлэгт дараалал урт байна.");
        Http official = as("sumber.health");
        completes(official, claimed(code, Elements.RESOLVE, official, "sumber.health"), form(
                Vars.RESOLVE_ACTION, Values.ACTION_ANSWER, Vars.ANSWER_TEXT, "Цаг захиалга нээлээ.",
                Vars.OUTCOME, "RESOLVED"));
        eventually().untilAsserted(() -> assertThat(http().postForm("/open311/v2/requests/{id}/rating.json",
                Map.of("rating", "1"), code).status()).isEqualTo(200));

        Http supervisor = as("govisumber.supervisor");
        String review = claimed(code, Elements.REVIEW_LOW_RATING, supervisor, "govisumber.supervisor");
        attacksAreRefused(supervisor, code, review, form(Vars.REVIEW_DECISION, Values.REVIEW_CLOSE,
                Vars.REVIEW_NOTE, "Хариу хангалттай"));
        completes(supervisor, review, form(Vars.REVIEW_DECISION, Values.REVIEW_CLOSE,
                Vars.REVIEW_NOTE, "Хариу хангалттай"));
        eventually().untilAsserted(() -> assertThat(status(code)).isEqualTo("CLOSED"));
    }

    @Test
    void reviewOverdue() {
        String code = new Citizen(http()).fileHealthComplaint("Сүмбэрийн эмнэлгийн халаалт ажиллахгүй.");
        Http official = as("sumber.health");
        task(code, Elements.RESOLVE, official);
        // the legal date comes: the administrator runs the deadline timer now instead of in 30 days
        Http admin = as("demo");
        String pi = processInstance(code);
        JsonNode timer = admin.get("/engine-rest/job?processInstanceId={pi}&activityId={a}", pi,
                Elements.DEADLINE_START).json();
        assertThat(timer).hasSize(1);
        Http.Response fired = admin.postJson("/engine-rest/job/{id}/execute", Map.of(), timer.get(0).get("id")
                .asText());
        assertThat(fired.status()).as("%s", fired).isEqualTo(204);

        Http supervisor = as("govisumber.supervisor");
        String review = claimed(code, Elements.REVIEW_OVERDUE, supervisor, "govisumber.supervisor");
        attacksAreRefused(supervisor, code, review, form(Vars.REVIEW_DECISION, Values.REVIEW_NOTED,
                Vars.REVIEW_NOTE, "Танилцав"));
        completes(supervisor, review, form(Vars.REVIEW_DECISION, Values.REVIEW_NOTED, Vars.REVIEW_NOTE, "Танилцав"));
        assertThat(notes(code)).anyMatch(n -> n.contains("Танилцав"));
    }

    @Test
    void describeAFax() {
        IntakeResult r = intake.submit(new NewPetition(Channel.FAX, "fax-" + UUID.randomUUID(), PetitionType.REQUEST,
                "", null, null, "70112233", null, null, NewPetition.Location.UNKNOWN, null));
        String code = ((IntakeResult.PetitionAccepted) r).petition().trackingCode();
        Http clerk = as("clerk");
        String describe = claimed(code, Elements.DESCRIBE, clerk, "clerk");
        Map<String, Object> legit = form(Vars.PETITION_TEXT, "Сүмбэрийн сургуулийн дээвэр гоожиж байна.",
                Vars.PETITION_TYPE, "COMPLAINT", Vars.CATEGORY, "EDUCATION", Vars.AIMAG, "govisumber",
                Vars.SOUM, "govisumber.sumber");
        attacksAreRefused(clerk, code, describe, legit);
        completes(clerk, describe, legit);
        task(code, Elements.RESOLVE, as("sumber.school"));
        assertThat(jdbc.sql("SELECT text FROM petition WHERE id = ?").param(victimId).query(String.class).single())
                .isEqualTo("Дэлгэрхаан сумын эмнэлэгт эм байхгүй байна.");
    }

    // ------------------------------------------------------------------------------------------ Tasklist's session

    /** Tasklist itself submits through the webapp's engine API with the login session and its CSRF token. */
    @Test
    void tasklistsOwnSubmitFormPath() throws Exception {
        String code = new Citizen(http()).fileHealthComplaint("Сүмбэрийн эмнэлгийн ус тасарсан.");
        String taskId = claimed(code, Elements.RESOLVE, as("sumber.health"), "sumber.health");
        Webapp tasklist = Webapp.login(port, "sumber.health");
        String path = "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form";
        Map<String, Object> legit = form(Vars.RESOLVE_ACTION, Values.ACTION_ANSWER,
                Vars.ANSWER_TEXT, "Усыг маргааш залгана.", Vars.OUTCOME, "RESOLVED");

        Map<String, Object> injected = new LinkedHashMap<>(legit);
        injected.put(Vars.PETITION_ID, Map.of("value", victimId, "type", "Long"));
        HttpResponse<String> refused = tasklist.post(path, Map.of("variables", injected));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains(Vars.PETITION_ID);

        HttpResponse<String> done = tasklist.post(path, Map.of("variables", legit));
        assertThat(done.statusCode()).as(done.body()).isIn(200, 204);
        eventually().untilAsserted(() -> assertThat(status(code)).isEqualTo("ANSWERED"));
        victimUntouched();
    }

    // ------------------------------------------------------------------------------------------ direct writes

    /**
     * What else writes variables. Camunda's authorizations refuse the process instance and execution endpoints (an
     * official may only read the case); the task endpoints, resolve, BPMN error and escalation, which the task's
     * default permission allowed, are refused as well.
     */
    @Test
    void directVariableWritesAreRefused() {
        String code = new Citizen(http()).fileHealthComplaint("Сүмбэрийн эмнэлгийн цахилгаан тасарсан.");
        Http official = as("sumber.health");
        String taskId = claimed(code, Elements.RESOLVE, official, "sumber.health");
        String pi = processInstance(code);
        Map<String, Object> before = control(pi);
        Map<String, Object> victimValue = Map.of("value", victimId, "type", "Long");
        Map<String, Object> injected = Map.of(Vars.PETITION_ID, victimValue);

        Map<String, Http.Response> attempts = new LinkedHashMap<>();
        attempts.put("PUT task variable", official.putJson("/engine-rest/task/{id}/variables/{name}", victimValue,
                taskId, Vars.PETITION_ID));
        attempts.put("POST task variables", official.postJson("/engine-rest/task/{id}/variables",
                Map.of("modifications", injected), taskId));
        attempts.put("DELETE task variable", official.delete("/engine-rest/task/{id}/variables/{name}", taskId,
                Vars.SUPERVISOR_GROUP));
        attempts.put("PUT task local variable", official.putJson("/engine-rest/task/{id}/localVariables/{name}",
                victimValue, taskId, Vars.PETITION_ID));
        attempts.put("POST task local variables", official.postJson("/engine-rest/task/{id}/localVariables",
                Map.of("modifications", injected), taskId));
        attempts.put("resolve with variables", official.postJson("/engine-rest/task/{id}/resolve",
                Map.of("variables", injected), taskId));
        attempts.put("BPMN error with variables", official.postJson("/engine-rest/task/{id}/bpmnError",
                Map.of("errorCode", "x", "variables", injected), taskId));
        attempts.put("escalation with variables", official.postJson("/engine-rest/task/{id}/bpmnEscalation",
                Map.of("escalationCode", "x", "variables", injected), taskId));
        attempts.put("delegate", official.postJson("/engine-rest/task/{id}/delegate",
                Map.of("userId", "sumber.health"), taskId));
        attempts.put("PUT process variable", official.putJson("/engine-rest/process-instance/{id}/variables/{name}",
                victimValue, pi, Vars.PETITION_ID));
        attempts.put("POST process variables", official.postJson("/engine-rest/process-instance/{id}/variables",
                Map.of("modifications", injected), pi));
        attempts.put("PUT execution variable", official.putJson("/engine-rest/execution/{id}/localVariables/{name}",
                victimValue, pi, Vars.PETITION_ID));
        attempts.put("message with variables", official.postJson("/engine-rest/message", Map.of(
                "messageName", Messages.INFORMATION_RECEIVED, "processInstanceId", pi, "processVariables", injected)));
        attempts.put("modification with variables", official.postJson(
                "/engine-rest/process-instance/{id}/modification", Map.of("instructions", List.of(Map.of(
                        "type", "startBeforeActivity", "activityId", Elements.ANSWER, "variables", injected))), pi));

        SoftAssertions soft = new SoftAssertions();
        attempts.forEach((what, r) -> soft.assertThat(r.status()).as("%s: %s", what, r).isBetween(400, 499));
        soft.assertAll();

        assertThat(control(pi)).isEqualTo(before);
        JsonNode task = official.get("/engine-rest/task/{id}", taskId).json();
        assertThat(task.get("assignee").asText()).isEqualTo("sumber.health");
        assertThat(task.get("delegationState").isNull()).isTrue();
        victimUntouched();
    }

    /**
     * Process owners change models, not running cases (organisations.BodyAccess): repairs such as cancelling a case,
     * whose side effects write variables, are the admin's, whom the guard leaves them to.
     */
    @Test
    void onlyTheAdminRepairsCases() {
        String code = new Citizen(http()).fileHealthComplaint("Сүмбэрийн эмнэлгийн давхар бүртгэл.");
        task(code, Elements.RESOLVE, as("sumber.health"));
        Http.Response byOwner = as("owner").delete("/engine-rest/process-instance/{id}", processInstance(code));
        assertThat(byOwner.status()).as("%s", byOwner).isEqualTo(403);
        Http.Response cancelled = as("demo").delete("/engine-rest/process-instance/{id}", processInstance(code));
        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(204);
        assertThat(as("demo").get("/engine-rest/process-instance/{id}", processInstance(code)).status())
                .isEqualTo(404);
    }

    // ------------------------------------------------------------------------------------------ the attacks

    /**
     * The form's own fields plus one identity or control variable, by {@code complete} and by {@code submit-form}
     * (also as a transient variable): each is refused with a message naming the variable, and nothing changed.
     */
    private void attacksAreRefused(Http who, String code, String taskId, Map<String, Object> legit) {
        String pi = processInstance(code);
        Map<String, Object> before = control(pi);
        Map<String, Map<String, Object>> attacks = new LinkedHashMap<>();
        attacks.put(Vars.PETITION_ID, Map.of("value", victimId, "type", "Long"));
        attacks.put(Vars.SUPERVISOR_GROUP, Map.of("value", "supervisors-khentii", "type", "String"));
        attacks.put(Vars.PETITION_DUE_DATE, Map.of("value", "2099-01-01T00:00:00.000+0800", "type", "Date"));
        attacks.put(Vars.MAX_EXTENSION_DAYS, Map.of("value", 365, "type", "Integer"));
        attacks.put(Vars.BODY_GROUP, Map.of("value", "body-delgerkhaan-health", "type", "String"));

        SoftAssertions soft = new SoftAssertions();
        for (String path : List.of("/engine-rest/task/{id}/complete", "/engine-rest/task/{id}/submit-form")) {
            for (var attack : attacks.entrySet()) {
                Map<String, Object> variables = new LinkedHashMap<>(legit);
                variables.put(attack.getKey(), attack.getValue());
                Http.Response r = who.postJson(path, Map.of("variables", variables), taskId);
                soft.assertThat(r.status()).as("%s with %s: %s", path, attack.getKey(), r).isEqualTo(400);
                soft.assertThat(r.body()).as("%s with %s", path, attack.getKey()).contains(attack.getKey());
            }
            // (the engine itself refuses a transient variable named like a stored one, such as petitionId)
            Map<String, Object> variables = new LinkedHashMap<>(legit);
            variables.put(Vars.DEADLINES, Map.of("value", "resolveDays=365", "type", "String",
                    "valueInfo", Map.of("transient", true)));
            Http.Response r = who.postJson(path, Map.of("variables", variables), taskId);
            soft.assertThat(r.status()).as("%s with a transient variable: %s", path, r).isEqualTo(400);
            soft.assertThat(r.body()).as("%s with a transient variable", path).contains(Vars.DEADLINES);
        }
        soft.assertAll();

        assertThat(who.get("/engine-rest/task/{id}", taskId).status()).as("the task is still open").isEqualTo(200);
        assertThat(control(pi)).isEqualTo(before);
        victimUntouched();
    }

    private void victimUntouched() {
        assertThat(jdbc.sql("SELECT status FROM petition WHERE id = ?").param(victimId).query(String.class).single())
                .isEqualTo("ASSIGNED");
        assertThat(jdbc.sql("SELECT count(*) FROM petition_event WHERE petition_id = ?").param(victimId)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT kind FROM outbox WHERE petition_id = ?").param(victimId).query(String.class)
                .list()).containsExactly("ACKNOWLEDGED");
    }

    /** The identity and control variables of a case, as the administrator sees them. */
    private Map<String, Object> control(String pi) {
        JsonNode vars = as("demo").get("/engine-rest/process-instance/{id}/variables?deserializeValues=false", pi)
                .json();
        Map<String, Object> out = new HashMap<>();
        for (String name : CONTROL) {
            out.put(name, vars.path(name).path("value").asText(null));
        }
        return out;
    }

    private void completes(Http who, String taskId, Map<String, Object> variables) {
        Http.Response r = who.postJson("/engine-rest/task/{id}/complete", Map.of("variables", variables), taskId);
        assertThat(r.status()).as("%s", r).isIn(200, 204);
    }

    /** The case's one open task of this kind, as {@code who} finds it in their list. */
    private String task(String code, String key, Http who) {
        String[] id = new String[1];
        eventually().untilAsserted(() -> {
            JsonNode tasks = who.get("/engine-rest/task?processInstanceBusinessKey={code}&taskDefinitionKey={key}",
                    code, key).json();
            assertThat(tasks).hasSize(1);
            id[0] = tasks.get(0).get("id").asText();
        });
        return id[0];
    }

    private String claimed(String code, String key, Http who, String user) {
        String id = task(code, key, who);
        JsonNode task = who.get("/engine-rest/task/{id}", id).json();
        if (task.get("assignee").isNull()) {
            Http.Response claim = who.postJson("/engine-rest/task/{id}/claim", Map.of("userId", user), id);
            assertThat(claim.status()).as("%s", claim).isEqualTo(204);
        }
        return id;
    }

    private String processInstance(String code) {
        return jdbc.sql("SELECT process_instance_id FROM petition WHERE tracking_code = ?").param(code)
                .query(String.class).single();
    }

    private String status(String code) {
        return jdbc.sql("SELECT status FROM petition WHERE tracking_code = ?").param(code).query(String.class)
                .single();
    }

    private List<String> notes(String code) {
        return jdbc.sql("""
                SELECT e.note FROM petition_event e JOIN petition p ON p.id = e.petition_id
                WHERE p.tracking_code = ? AND e.note IS NOT NULL ORDER BY e.id""").param(code).query(String.class)
                .list();
    }

    /** The form's values as Tasklist sends them: the value alone, the engine picks the type. */
    private static Map<String, Object> form(Object... nameValue) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            Map<String, Object> v = new HashMap<>();
            v.put("value", nameValue[i + 1]);
            out.put((String) nameValue[i], v);
        }
        return out;
    }

    /** A browser logged in to Tasklist: session cookie and the CSRF token the webapp asks for. */
    record Webapp(HttpClient client, CookieManager cookies, int port) {

        static Webapp login(int port, String user) throws Exception {
            CookieManager cookies = new CookieManager();
            HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
            Webapp w = new Webapp(client, cookies, port);
            w.client.send(HttpRequest.newBuilder(w.uri("/camunda/app/tasklist/default/")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(
                            w.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", w.csrf())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            // the login starts a new session: the webapp hands out its CSRF token again on the next read
            w.client.send(HttpRequest.newBuilder(w.uri("/camunda/api/admin/auth/user/default")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return w;
        }

        HttpResponse<String> post(String path, Object json) throws Exception {
            return client.send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("X-XSRF-TOKEN", csrf())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(json))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private String csrf() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).reduce((a, b) -> b).orElse("");
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
