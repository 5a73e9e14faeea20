package mn.sanal.petitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import mn.sanal.petitions.PetitionRegistrationProcess.Elements;
import mn.sanal.petitions.PetitionRegistrationProcess.Vars;
import mn.sanal.support.Http;
import mn.sanal.support.IntegrationTest;

/**
 * Registering a walk-in or phone petition through the engine REST API exactly as Tasklist does it (start list,
 * deployed start form, submit-form with {@code {"value": ...}} per field, the receipt in "my tasks", its form
 * variables, completion), on PostgreSQL with the job executor running the petition's own process.
 */
class PetitionRegistrationIT extends IntegrationTest {

    /** What Tasklist asks for its "Start process" list. */
    static final String START_LIST = "/engine-rest/process-definition?latestVersion=true&active=true"
            + "&startableInTasklist=true&startablePermissionCheck=true";
    static final String SUBMIT = "/engine-rest/process-definition/key/" + PetitionRegistrationProcess.KEY
            + "/submit-form";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aClerkRegistersAWalkInAndTheCitizenIsToldBySms() {
        Http clerk = as("clerk");
        assertThat(startable(clerk)).contains(PetitionRegistrationProcess.KEY);
        Http.Response form = clerk.get("/engine-rest/process-definition/key/{key}/deployed-start-form",
                PetitionRegistrationProcess.KEY);
        assertThat(form.status()).as("%s", form).isEqualTo(200);
        assertThat(form.json().get("id").asText()).isEqualTo(PetitionRegistrationProcess.START_FORM);

        Http.Response started = clerk.postJson(SUBMIT, Map.of("variables", tasklist(form("WALK_IN", "Бат Дорж",
                "9911 2233", "", "COMPLAINT", "HEALTH", "govisumber.sumber"))));
        assertThat(started.status()).as("%s", started).isEqualTo(200);

        JsonNode receipt = receiptOf(clerk, "clerk", started.json().get("id").asText());
        String code = receipt.get(Vars.TRACKING_CODE).get("value").asText();
        assertThat(receipt.get(Vars.DUE_DATE_TEXT).get("value").asText()).matches("\\d{4}\\.\\d{2}\\.\\d{2}");
        assertThat(receipt.get(Vars.CITIZEN_TOLD).get("value").asText()).contains("97699112233");

        // the acknowledgement is in the outbox, by SMS to the number the clerk typed, with the code
        eventually().untilAsserted(() -> assertThat(acknowledgement(code))
                .containsEntry("channel", "SMS").containsEntry("recipient", "97699112233"));
        assertThat((String) acknowledgement(code).get("body")).contains(code);
        assertThat(jdbc.sql("SELECT channel FROM petition WHERE tracking_code = ?").param(code).query(String.class)
                .single()).isEqualTo("WALK_IN");

        completeReceipt(clerk, "clerk", started.json().get("id").asText());
    }

    @Test
    void aCallCentreOperatorRegistersACallAndTheCitizenIsToldByMail() {
        Http operator = as("operator2");
        assertThat(startable(operator)).contains(PetitionRegistrationProcess.KEY);
        Http.Response started = operator.postJson(SUBMIT, Map.of("variables", tasklist(form("PHONE", "Сарантуяа",
                "", "saraa@example.mn", "REQUEST", "INFRASTRUCTURE", "khovd.jargalant"))));
        assertThat(started.status()).as("%s", started).isEqualTo(200);

        JsonNode receipt = receiptOf(operator, "operator2", started.json().get("id").asText());
        String code = receipt.get(Vars.TRACKING_CODE).get("value").asText();
        eventually().untilAsserted(() -> assertThat(acknowledgement(code))
                .containsEntry("channel", "EMAIL").containsEntry("recipient", "saraa@example.mn"));
        assertThat(jdbc.sql("SELECT channel FROM petition WHERE tracking_code = ?").param(code).query(String.class)
                .single()).isEqualTo("PHONE");
        // another registrar does not see this receipt
        assertThat(as("operator1").get("/engine-rest/task?assignee=operator2").json()).isEmpty();

        completeReceipt(operator, "operator2", started.json().get("id").asText());
    }

    @Test
    void wrongInputComesBackAs400WithTheReasonInMongolian() {
        Http clerk = as("clerk");
        Http.Response badPhone = clerk.postJson(SUBMIT, Map.of("variables", tasklist(form("WALK_IN", "Бат",
                "12345", "", "COMPLAINT", "HEALTH", null))));
        assertThat(badPhone.status()).as("%s", badPhone).isEqualTo(400);
        assertThat(badPhone.json().get("message").asText()).startsWith("Утасны дугаар буруу");

        Map<String, Object> smuggled = tasklist(form("WALK_IN", "Бат", "99112233", "", "COMPLAINT", "HEALTH",
                null));
        smuggled.put("triageGroup", Map.of("value", "clerks"));
        Http.Response extra = clerk.postJson(SUBMIT, Map.of("variables", smuggled));
        assertThat(extra.status()).as("%s", extra).isEqualTo(400);
        assertThat(extra.json().get("message").asText()).startsWith("Маягтад байхгүй талбар ирлээ: triageGroup");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM petition WHERE citizen_name = 'Бат'").query(Integer.class)
                .single()).isZero();
    }

    @Test
    void peopleOutsideTheConfiguredGroupsAreRefused() {
        Map<String, Object> body = Map.of("variables", tasklist(form("WALK_IN", "Хулгайч", "99110000", "",
                "COMPLAINT", "HEALTH", null)));
        // the process owner starts no process instance at all (they change models, not cases)
        Http.Response owner = as("owner").postJson(SUBMIT, body);
        assertThat(owner.status()).as("%s", owner).isEqualTo(403);
        // the admin may start anything as far as Camunda goes: the registration itself refuses
        Http.Response admin = as("demo").postJson(SUBMIT, body);
        assertThat(admin.status()).as("%s", admin).isEqualTo(403);
        assertThat(admin.json().get("message").asText()).contains("өргөдөл бүртгэх эрхгүй");
        // a supervisor and the admin are not registrars either; the supervisor does not even see the form
        assertThat(startable(as("govisumber.supervisor"))).doesNotContain(PetitionRegistrationProcess.KEY);
        Http.Response supervisor = as("govisumber.supervisor").postJson(SUBMIT, body);
        assertThat(supervisor.status()).as("%s", supervisor).isIn(403, 404);
        assertThat(http().postJson(SUBMIT, body).status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM petition WHERE citizen_name = 'Хулгайч'").query(Integer.class)
                .single()).isZero();
    }

    // --- helpers

    private static List<String> startable(Http user) {
        return user.get(START_LIST).json().findValuesAsText("key");
    }

    /** The receipt task is in the registrar's "my tasks"; returns its form variables. */
    private JsonNode receiptOf(Http user, String userId, String registrationId) {
        JsonNode tasks = user.get("/engine-rest/task?assignee={user}&processInstanceId={id}", userId,
                registrationId).json();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo(Elements.RECEIPT);
        String taskId = tasks.get(0).get("id").asText();
        Http.Response form = user.get("/engine-rest/task/{id}/deployed-form", taskId);
        assertThat(form.status()).as("%s", form).isEqualTo(200);
        assertThat(form.json().get("id").asText()).isEqualTo(PetitionRegistrationProcess.RECEIPT_FORM);
        Http.Response variables = user.get("/engine-rest/task/{id}/form-variables", taskId);
        assertThat(variables.status()).as("%s", variables).isEqualTo(200);
        return variables.json();
    }

    private void completeReceipt(Http user, String userId, String registrationId) {
        String taskId = user.get("/engine-rest/task?assignee={user}&processInstanceId={id}", userId,
                registrationId).json().get(0).get("id").asText();
        Http.Response done = user.postJson("/engine-rest/task/{id}/submit-form", Map.of("variables", Map.of()),
                taskId);
        assertThat(done.status()).as("%s", done).isEqualTo(204);
        assertThat(as("demo").get("/engine-rest/history/process-instance/{id}", registrationId).json()
                .get("state").asText()).isEqualTo("COMPLETED");
    }

    private Map<String, Object> acknowledgement(String code) {
        return jdbc.sql("""
                SELECT o.channel, o.recipient, o.body FROM outbox o JOIN petition p ON p.id = o.petition_id
                WHERE p.tracking_code = ? AND o.kind = 'ACKNOWLEDGED'
                """).param(code).query().singleRow();
    }

    /** Every field of the start form, untouched ones as Tasklist sends them ("" for text, null for selects). */
    private static Map<String, Object> form(String channel, String name, String phone, String email, String type,
                                            String category, String soum) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put(Vars.CHANNEL, channel);
        f.put(Vars.CITIZEN_NAME, name);
        f.put(Vars.CITIZEN_PHONE, phone);
        f.put(Vars.CITIZEN_EMAIL, email);
        f.put(Vars.PETITION_TYPE, type);
        f.put(Vars.CATEGORY, category);
        f.put(Vars.AIMAG, null);
        f.put(Vars.SOUM, soum);
        f.put(Vars.BAG, null);
        f.put(Vars.ADDRESS, "");
        f.put(Vars.PETITION_TEXT, "Гудамжны гэрэл асахгүй байна.");
        return f;
    }

    /** Tasklist's submit body for camunda-forms: {"key": {"value": v}} per field, no type. */
    private static Map<String, Object> tasklist(Map<String, Object> form) {
        Map<String, Object> variables = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("value", v);
            variables.put(k, value);
        });
        return variables;
    }
}
