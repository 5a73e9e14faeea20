package mn.sanal.petitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import mn.sanal.petitions.PetitionHandlingProcess.Elements;
import mn.sanal.petitions.PetitionHandlingProcess.Values;
import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.platform.Clocks;
import mn.sanal.support.Citizen;
import mn.sanal.support.Http;
import mn.sanal.support.IntegrationTest;

/**
 * The whole path of a petition as the citizen (Open311) and the official (engine REST API, as Tasklist calls it)
 * see it, on PostgreSQL with the job executor running the async continuations.
 */
@TestPropertySource(properties = "sanal.open311.lookups-per-minute=1000")
class PetitionLifecycleIT extends IntegrationTest {

    private static final String OFFICIAL = "sumber.health";
    /** The engine REST API's date format. */
    private static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final String SUMBER_HEALTH_CENTRE = "Сүмбэр сумын Эрүүл мэндийн төв";

    @Autowired
    JdbcClient jdbc;

    @Test
    void citizenFilesOfficialAnswersCitizenRatesAndTheCaseCloses() {
        Citizen citizen = new Citizen(http());
        String description = "Сүмбэр сумын эрүүл мэндийн төвд эмч ирэхгүй, дараалал хэт урт байна.";
        String answerText = "Даваа гарагаас хоёр дахь эмч ажиллаж эхэлнэ. Уучлаарай.";

        // 1. The citizen files a complaint.
        String code = citizen.fileHealthComplaint(description);

        // 2. Once the start job has run, the citizen sees who handles it and by when.
        JsonNode request = eventuallyJson(() -> citizen.lookup(code),
                r -> !r.get(0).path("agency_responsible").isNull() && !r.get(0).path("expected_datetime").isNull());
        assertThat(request.get(0).get("service_request_id").asText()).isEqualTo(code);
        assertThat(request.get(0).get("status").asText()).isEqualTo("open");
        assertThat(request.get(0).get("service_code").asText()).isEqualTo("HEALTH");
        assertThat(request.get(0).get("description").asText()).isEqualTo(description);
        assertThat(request.get(0).get("agency_responsible").asText()).isEqualTo(SUMBER_HEALTH_CENTRE);
        OffsetDateTime requested = OffsetDateTime.parse(request.get(0).get("requested_datetime").asText());
        OffsetDateTime expected = OffsetDateTime.parse(request.get(0).get("expected_datetime").asText());
        assertThat(expected.atZoneSameInstant(Clocks.ZONE).toLocalDate())
                .isEqualTo(requested.atZoneSameInstant(Clocks.ZONE).toLocalDate().plusDays(30));
        assertThat(expected.atZoneSameInstant(Clocks.ZONE).toLocalTime()).isEqualTo(LocalTime.of(23, 59, 59));

        // 3. The official finds the task in their list (by the tracking code, the business key), claims it...
        Http official = as(OFFICIAL);
        JsonNode tasks = eventuallyJson(() -> official.get("/engine-rest/task?processInstanceBusinessKey={code}", code),
                t -> t.size() == 1);
        JsonNode task = tasks.get(0);
        assertThat(task.get("taskDefinitionKey").asText()).isEqualTo(Elements.RESOLVE);
        assertThat(task.get("assignee").isNull()).isTrue();
        assertThat(OffsetDateTime.parse(task.get("due").asText(), CAMUNDA_DATE).toInstant()).isEqualTo(expected.toInstant());
        String taskId = task.get("id").asText();

        Http.Response claimed = official.postJson("/engine-rest/task/{id}/claim", Map.of("userId", OFFICIAL), taskId);
        assertThat(claimed.status()).as("%s", claimed).isEqualTo(204);
        assertThat(official.get("/engine-rest/task/{id}", taskId).json().get("assignee").asText()).isEqualTo(OFFICIAL);

        // ...and answers it.
        Http.Response completed = official.postJson("/engine-rest/task/{id}/complete", Map.of("variables", Map.of(
                Vars.RESOLVE_ACTION, stringVar(Values.ACTION_ANSWER),
                Vars.ANSWER_TEXT, stringVar(answerText),
                Vars.OUTCOME, stringVar("RESOLVED"))), taskId);
        assertThat(completed.status()).as("%s", completed).isIn(200, 204);

        // 4. The answer goes to the citizen's phone through the outbox, and the citizen sees it online.
        eventually().untilAsserted(() -> assertThat(jdbc.sql("""
                        SELECT o.recipient, o.channel, o.body FROM outbox o JOIN petition p ON p.id = o.petition_id
                        WHERE p.tracking_code = ? AND o.kind = 'ANSWERED'
                        """).param(code).query((rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|"
                        + rs.getString(3)).list())
                .singleElement().satisfies(row -> {
                    assertThat(row).startsWith("97699112233|SMS|");
                    assertThat(row).contains(code).contains(answerText);
                }));
        JsonNode answered = citizen.lookup(code).json().get(0);
        assertThat(answered.get("status").asText()).isEqualTo("open");
        assertThat(answered.get("status_notes").asText()).contains(answerText);

        // 5. The citizen rates the answer 5; the case closes and the process ends on its named end event.
        Http.Response rated = http().postForm("/open311/v2/requests/{id}/rating.json", Map.of("rating", "5"), code);
        assertThat(rated.status()).as("%s", rated).isEqualTo(200);
        assertThat(rated.json().get(0).get("service_request_id").asText()).isEqualTo(code);

        Http admin = as("demo");
        JsonNode history = eventuallyJson(
                () -> admin.get("/engine-rest/history/process-instance?processInstanceBusinessKey={code}", code),
                h -> h.size() == 1 && "COMPLETED".equals(h.get(0).get("state").asText()));
        assertThat(history.get(0).get("endTime").isNull()).isFalse();
        String processInstanceId = history.get(0).get("id").asText();
        JsonNode endEvents = admin.get("/engine-rest/history/activity-instance?processInstanceId={pi}&activityId={end}",
                processInstanceId, Elements.END_CLOSED).json();
        assertThat(endEvents).hasSize(1);

        JsonNode closed = citizen.lookup(code).json().get(0);
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(closed.get("status_notes").asText()).contains(answerText);
        assertThat(jdbc.sql("SELECT rating FROM petition WHERE tracking_code = ?").param(code).query(Integer.class)
                .single()).isEqualTo(5);

        // Nothing else is pending for this case: no tasks, no jobs.
        assertThat(admin.get("/engine-rest/task?processInstanceBusinessKey={code}", code).json()).isEmpty();
        assertThat(admin.get("/engine-rest/job?processInstanceId={pi}", processInstanceId).json()).isEmpty();
    }

    /**
     * The web's way to write to a case ({@code POST requests/{code}/replies.json}, the code in the path is the proof)
     * goes through intake's one call like an SMS: help, status, a follow-up that joins the open case (the official
     * sees it as a comment on the task and in its history), the same request again (its Idempotency-Key: nothing
     * twice), the information asked for, opting the case's phone out of broadcasts, and after the rating a message
     * about the closed case, which opens a new petition linked to it.
     */
    @Test
    void theCitizenWritesToTheCaseOnTheWeb() {
        Citizen citizen = new Citizen(http());
        String code = citizen.fileHealthComplaint("Сүмбэр сумын эмнэлэгт шүдний эмч алга.");
        Http official = as(OFFICIAL);
        String taskId = eventuallyJson(() -> official.get("/engine-rest/task?processInstanceBusinessKey={code}", code),
                t -> t.size() == 1).get(0).get("id").asText();

        assertThat(write(code, "ТУСЛАМЖ", null).get("service_notice").asText()).contains("ШАЛГАХ код");
        assertThat(write(code, "шалгах", null).get("service_notice").asText())
                .contains(code, PetitionStatus.ASSIGNED.labelMn());

        // a follow-up joins the open case; the same request again adds nothing
        String key = "web-follow-" + code;
        JsonNode followUp = write(code, "Шүдний эмч 3 сар ирээгүй.", key);
        assertThat(followUp.get("service_request_id").asText()).isEqualTo(code);
        write(code, "Шүдний эмч 3 сар ирээгүй.", key);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM petition_event e JOIN petition p ON p.id = e.petition_id
                WHERE p.tracking_code = ? AND e.kind = 'FOLLOW_UP'
                """).param(code).query(Long.class).single()).isEqualTo(1);
        JsonNode comments = official.get("/engine-rest/task/{id}/comment", taskId).json();
        assertThat(comments).singleElement()
                .satisfies(c -> assertThat(c.get("message").asText()).contains("Шүдний эмч 3 сар ирээгүй"));
        // an official of another body learns nothing of it
        Http.Response foreign = as("sumber.land").get("/engine-rest/task/{id}/comment", taskId);
        assertThat(foreign.status() == 200 ? foreign.json().size() : 0).as("%s", foreign).isZero();
        // the form reads the case when opened: the follow-up is on it (and it is no variable of the task)
        assertThat(official.get("/engine-rest/task/{id}/form-variables?deserializeValues=false&variableNames=caseHistory",
                taskId).json().get("caseHistory").get("value").asText()).contains("Шүдний эмч 3 сар ирээгүй");
        assertThat(official.get("/engine-rest/task/{id}/localVariables", taskId).json().has("caseHistory")).isFalse();
        // and the form Tasklist renders is still the deployed Camunda Form, not a generated one
        JsonNode form = official.get("/engine-rest/task/{id}/form", taskId).json();
        assertThat(form.path("key").isNull() || form.path("key").isMissingNode()).as("%s", form).isTrue();
        assertThat(form.path("camundaFormRef").path("key").asText()).as("%s", form).isNotEmpty();
        // what the form shows is no more open to another body's official than the task's variables
        Http.Response foreignForm = as("sumber.land").get("/engine-rest/task/{id}/form-variables", taskId);
        assertThat(foreignForm.status()).as("%s", foreignForm).isIn(403, 404);
        assertThat(foreignForm.body()).doesNotContain("Шүдний эмч");
        assertThat(jdbc.sql("""
                SELECT o.channel || '|' || o.recipient FROM outbox o JOIN petition p ON p.id = o.petition_id
                WHERE p.tracking_code = ? AND o.kind = 'FOLLOW_UP'
                """).param(code).query(String.class).list()).containsExactly("SMS|97699112233");

        // the official asks; the web reply is the information
        complete(official, taskId, Map.of(Vars.RESOLVE_ACTION, stringVar(Values.ACTION_MORE_INFO),
                Vars.INFORMATION_QUESTION, stringVar("Аль эмнэлэг вэ?")));
        eventually().until(() -> status(code) == PetitionStatus.WAITING_FOR_CITIZEN);
        write(code, "Сүмбэрийн нэгдсэн эмнэлэг.", null);
        String again = eventuallyJson(() -> official.get("/engine-rest/task?processInstanceBusinessKey={code}", code),
                t -> t.size() == 1 && !t.get(0).get("id").asText().equals(taskId)).get(0).get("id").asText();
        assertThat(status(code)).isEqualTo(PetitionStatus.ASSIGNED);

        // opting out through the case: its phone gets no broadcasts
        assertThat(write(code, "ЗОГС", null).get("service_notice").asText()).contains("Мэдээлэл зогсоолоо");
        assertThat(jdbc.sql("SELECT opted_out FROM opt_out WHERE channel = 'SMS' AND address = '97699112233'")
                .query(Boolean.class).single()).isTrue();

        // answered, rated, closed; then a message about it opens a new, linked petition
        complete(official, again, Map.of(Vars.RESOLVE_ACTION, stringVar(Values.ACTION_ANSWER),
                Vars.ANSWER_TEXT, stringVar("Шүдний эмч томилогдлоо."), Vars.OUTCOME, stringVar("RESOLVED")));
        eventually().until(() -> status(code) == PetitionStatus.ANSWERED);
        assertThat(http().postForm("/open311/v2/requests/{id}/rating.json", Map.of("rating", "5"), code).status())
                .isEqualTo(200);
        eventually().until(() -> status(code) == PetitionStatus.CLOSED);
        Http.Response continued = http().postForm("/open311/v2/requests/{id}/replies.json",
                Map.of("text", "Эмч дахиад ирэхгүй байна."), code);
        assertThat(continued.status()).as("%s", continued).isEqualTo(201);
        String next = continued.json().get(0).get("service_request_id").asText();
        assertThat(next).isNotEqualTo(code);
        assertThat(jdbc.sql("""
                SELECT o.tracking_code FROM petition n JOIN petition o ON o.id = n.follows_petition_id
                WHERE n.tracking_code = ?
                """).param(next).query(String.class).single()).isEqualTo(code);
        assertThat(citizen.lookup(next).json().get(0).get("service_code").asText()).isEqualTo("HEALTH");
    }

    /** POST replies.json as the citizen; 200 expected; returns the request view. */
    private JsonNode write(String code, String text, String idempotencyKey) {
        Http.Response r = http().postForm("/open311/v2/requests/{id}/replies.json", Map.of("text", text),
                idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey), code);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json().get(0);
    }

    private static void complete(Http official, String taskId, Map<String, Object> variables) {
        Http.Response claimed = official.postJson("/engine-rest/task/{id}/claim", Map.of("userId", OFFICIAL), taskId);
        assertThat(claimed.status()).as("%s", claimed).isEqualTo(204);
        Http.Response done = official.postJson("/engine-rest/task/{id}/complete", Map.of("variables", variables),
                taskId);
        assertThat(done.status()).as("%s", done).isIn(200, 204);
    }

    private PetitionStatus status(String code) {
        return PetitionStatus.valueOf(jdbc.sql("SELECT status FROM petition WHERE tracking_code = ?").param(code)
                .query(String.class).single());
    }

    private static Map<String, Object> stringVar(String value) {
        return Map.of("value", value, "type", "String");
    }

    /** Calls until the answer is 200 and {@code done}; on time-out, says what the last answer was. */
    private static JsonNode eventuallyJson(java.util.function.Supplier<Http.Response> call,
                                           java.util.function.Predicate<JsonNode> done) {
        JsonNode[] last = new JsonNode[1];
        eventually().untilAsserted(() -> {
            Http.Response r = call.get();
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            assertThat(done.test(r.json())).as("not yet: %s", r).isTrue();
            last[0] = r.json();
        });
        return last[0];
    }
}
