package mn.sanal.petitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import mn.sanal.intake.IntakeResult;
import mn.sanal.intake.IntakeService;
import mn.sanal.petitions.PetitionHandlingProcess.Elements;
import mn.sanal.petitions.PetitionHandlingProcess.Values;
import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.support.Citizen;
import mn.sanal.support.Http;
import mn.sanal.support.IntegrationTest;

/**
 * Long texts on PostgreSQL, whose Camunda String variable columns hold 4,000 characters: a petition and a reply of
 * exactly {@link IntakeService#MAX_TEXT_LENGTH} characters reach the official in full, one more character is refused
 * with a message for the citizen; what officials type is limited by their form before the engine would fail.
 */
class LongTextIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    IntakeService intake;

    @Test
    void aPetitionAndAReplyAtTheLimitReachTheOfficialOneCharacterMoreIsRefused() throws Exception {
        Citizen citizen = new Citizen(http());
        String longest = text(IntakeService.MAX_TEXT_LENGTH);

        Http.Response tooLong = citizen.file(Citizen.healthComplaint(longest + "а"));
        assertThat(tooLong.status()).as("%s", tooLong).isEqualTo(400);
        assertThat(tooLong.body()).contains("хэт урт", "10000");

        String code = citizen.fileHealthComplaint(longest);
        Http official = as("sumber.health");
        String resolve = task(code, Elements.RESOLVE, official);
        assertThat(shown(official, resolve, "petitionText")).isEqualTo(longest);
        assertThat(jdbc.sql("SELECT due_at IS NOT NULL FROM petition WHERE tracking_code = ?").param(code)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM outbox o JOIN petition p ON p.id = o.petition_id
                WHERE p.tracking_code = ? AND o.kind = 'ACKNOWLEDGED'""").param(code).query(Long.class).single())
                .isEqualTo(1);

        // an answer longer than the form allows is refused by name, before the engine would fail
        assertThat(official.postJson("/engine-rest/task/{id}/claim", Map.of("userId", "sumber.health"), resolve)
                .status()).isEqualTo(204);
        Http.Response longAnswer = complete(official, resolve, Vars.RESOLVE_ACTION, Values.ACTION_ANSWER,
                Vars.ANSWER_TEXT, text(1001), Vars.OUTCOME, "RESOLVED");
        assertThat(longAnswer.status()).as("%s", longAnswer).isEqualTo(400);
        assertThat(longAnswer.json().get("message").asText()).contains("answerText", "1000");

        Http.Response asked = complete(official, resolve, Vars.RESOLVE_ACTION, Values.ACTION_MORE_INFO,
                Vars.INFORMATION_QUESTION, "Дэлгэрэнгүй бичнэ үү?");
        assertThat(asked.status()).as("%s", asked).isEqualTo(204);
        eventually().untilAsserted(() -> assertThat(jdbc.sql("SELECT status FROM petition WHERE tracking_code = ?")
                .param(code).query(String.class).single()).isEqualTo("WAITING_FOR_CITIZEN"));

        Http.Response longReply = http().postForm("/open311/v2/requests/{id}/replies.json",
                Map.of("text", longest + "а"), code);
        assertThat(longReply.status()).as("%s", longReply).isEqualTo(400);
        assertThat(longReply.body()).contains("хэт урт", "10000");

        Http.Response reply = http().postForm("/open311/v2/requests/{id}/replies.json", Map.of("text", longest), code);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        String again = task(code, Elements.RESOLVE, official);
        assertThat(shown(official, again, "caseHistory")).contains(longest);
        assertThat(as("demo").get("/engine-rest/incident?processInstanceId={pi}", processInstance(code)).json())
                .isEmpty();
    }

    @Test
    void aTranscriptionAtTheEnginesLimitIsTakenOneCharacterMoreIsRefusedByName() throws Exception {
        IntakeResult r = intake.submit(new NewPetition(Channel.FAX, "fax-" + UUID.randomUUID(), PetitionType.REQUEST,
                "", null, null, "70112233", null, null, NewPetition.Location.UNKNOWN, null));
        String code = ((IntakeResult.PetitionAccepted) r).petition().trackingCode();
        Http clerk = as("clerk");
        String describe = task(code, Elements.DESCRIBE, clerk);
        assertThat(clerk.postJson("/engine-rest/task/{id}/claim", Map.of("userId", "clerk"), describe).status())
                .isEqualTo(204);

        String longest = text(4000);
        Http.Response tooLong = submit(clerk, describe, Vars.PETITION_TEXT, longest + "а", Vars.PETITION_TYPE,
                "COMPLAINT", Vars.CATEGORY, "HEALTH", Vars.SOUM, "govisumber.sumber");
        assertThat(tooLong.status()).as("%s", tooLong).isEqualTo(400);
        assertThat(tooLong.json().get("message").asText()).contains("petitionText", "4000");

        Http.Response taken = submit(clerk, describe, Vars.PETITION_TEXT, longest, Vars.PETITION_TYPE, "COMPLAINT",
                Vars.CATEGORY, "HEALTH", Vars.SOUM, "govisumber.sumber");
        assertThat(taken.status()).as("%s", taken).isEqualTo(204);
        String resolve = task(code, Elements.RESOLVE, as("sumber.health"));
        assertThat(shown(as("sumber.health"), resolve, "petitionText")).isEqualTo(longest);
        assertThat(jdbc.sql("SELECT text FROM petition WHERE tracking_code = ?").param(code).query(String.class)
                .single()).isEqualTo(longest);
    }

    /** What Tasklist puts in the form: the variable, a Json one parsed first. */
    private static String shown(Http who, String taskId, String name) throws Exception {
        JsonNode v = who.get("/engine-rest/task/{id}/form-variables?deserializeValues=false", taskId).json().get(name);
        assertThat(v.get("type").asText()).isEqualTo("Json");
        return JSON.readTree(v.get("value").asText()).asText();
    }

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

    private String processInstance(String code) {
        return jdbc.sql("SELECT process_instance_id FROM petition WHERE tracking_code = ?").param(code)
                .query(String.class).single();
    }

    private static Http.Response complete(Http who, String taskId, Object... nameValue) {
        return who.postJson("/engine-rest/task/{id}/complete", Map.of("variables", values(nameValue)), taskId);
    }

    private static Http.Response submit(Http who, String taskId, Object... nameValue) {
        return who.postJson("/engine-rest/task/{id}/submit-form", Map.of("variables", values(nameValue)), taskId);
    }

    private static Map<String, Object> values(Object... nameValue) {
        Map<String, Object> out = new HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            out.put((String) nameValue[i], Map.of("value", nameValue[i + 1]));
        }
        return out;
    }

    /** Cyrillic text of exactly {@code length} characters, no blank at either end. */
    static String text(int length) {
        StringBuilder s = new StringBuilder(length + 20);
        while (s.length() < length) {
            s.append("Эмнэлэгт эмч алга. ");
        }
        s.setLength(length);
        s.setCharAt(length - 1, 'а');
        return s.toString();
    }
}
