package mn.sanal.petitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import mn.sanal.organisations.Groups;
import mn.sanal.organisations.OrgUnit;
import mn.sanal.organisations.OrganisationService;
import mn.sanal.outbox.OutboxMessage;
import mn.sanal.outbox.OutboxService;
import mn.sanal.petitions.PetitionRegistrationProcess.Elements;
import mn.sanal.petitions.PetitionRegistrationProcess.Vars;

/**
 * PetitionRegistration on the real Spring context (in-memory H2, demo organisation): a registrar submits the start
 * form as Tasklist does (FormService with the registrar authenticated), the petition goes through intake like any
 * other, and the registrar gets the receipt. Every path: accepted with a phone, with a mail address, without any
 * contact; invalid input refused; people outside the configured groups refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class PetitionRegistrationProcessTest {

    /** Monday 2 March 2026, 10:00 in Ulaanbaatar; the legal due date is 30 days on, end of day. */
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    static final String DUE_TEXT = "2026.04.01";

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    PetitionService petitions;
    @Autowired
    OutboxService outbox;
    @Autowired
    OrganisationService organisations;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        init(processEngine);
        ClockUtil.setCurrentTime(Date.from(T0.toInstant()));
    }

    @AfterEach
    void tearDown() {
        identityService().clearAuthentication();
        ClockUtil.reset();
    }

    // ------------------------------------------------------------------------------------------------ accepted

    @Test
    void aClerkRegistersAWalkInWithAPhoneAndTheCitizenGetsTheCodeBySms() {
        ProcessInstance registration = register("clerk", List.of(Groups.CLERKS), form("WALK_IN", "Бат Дорж",
                "9911-2233", "", "COMPLAINT", "HEALTH", "govisumber", "govisumber.sumber", "govisumber.sumber.3"));

        Task receipt = receipt(registration);
        assertThat(receipt.getAssignee()).isEqualTo("clerk");
        Map<String, Object> shown = taskService().getVariables(receipt.getId());
        Petition p = petitions.findByTrackingCode((String) shown.get(Vars.TRACKING_CODE)).orElseThrow();
        assertThat(shown).containsEntry(Vars.DUE_DATE_TEXT, DUE_TEXT).containsEntry(Vars.PETITION_ID, p.id());
        assertThat((String) shown.get(Vars.CITIZEN_TOLD)).contains("97699112233", "SMS");
        assertThat((String) shown.get(Vars.STATUS_HELP)).contains("1111", "ШАЛГАХ " + p.trackingCode());
        // what the form carried lives in the petition row, not in the registration's variables
        assertThat(shown).doesNotContainKeys(Vars.PETITION_TEXT, Vars.CITIZEN_NAME, Vars.CITIZEN_PHONE);

        assertThat(p.channel()).isEqualTo(Channel.WALK_IN);
        assertThat(p.citizenName()).isEqualTo("Бат Дорж");
        assertThat(p.contactPhone()).isEqualTo("97699112233");
        assertThat(p.type()).isEqualTo(PetitionType.COMPLAINT);
        assertThat(p.category()).isEqualTo("HEALTH");
        assertThat(p.bagCode()).isEqualTo("govisumber.sumber.3");
        assertThat(p.addressText()).isEqualTo("Гудамж 4, 12 тоот");
        assertThat(p.text()).isEqualTo("Эмнэлэгт эмч байхгүй байна.");
        assertThat(petitions.history(p.id())).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("clerk");
            assertThat(e.note()).contains("Биечлэн");
        });

        // the petition is handled as any other: acknowledged by SMS with the due date the receipt gave, then routed
        runPetitionJobs(p);
        Petition handled = petitions.get(p.id());
        assertThat(taskService().createTaskQuery().processInstanceId(p.processInstanceId()).singleResult()
                .getTaskDefinitionKey()).isEqualTo(PetitionHandlingProcess.Elements.RESOLVE);
        assertThat(mn.sanal.platform.Clocks.formatDate(handled.dueAt())).isEqualTo(DUE_TEXT);
        OutboxMessage ack = only(p, "ACKNOWLEDGED");
        assertThat(ack.channel()).isEqualTo("SMS");
        assertThat(ack.recipient()).isEqualTo("97699112233");
        assertThat(ack.body()).contains(p.trackingCode(), DUE_TEXT);

        // the receipt is in the registrar's own list; completing it ends the registration
        identityService().setAuthentication("clerk", List.of(Groups.CLERKS));
        assertThat(taskService().createTaskQuery().taskAssignee("clerk").list()).extracting(Task::getId)
                .contains(receipt.getId());
        taskService().complete(receipt.getId());
        identityService().clearAuthentication();
        assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceId(registration.getId())
                .singleResult().getEndActivityId()).isEqualTo(Elements.END);
    }

    @Test
    void aCallCentreOperatorRegistersACallWithAMailAddressAndTheCitizenGetsTheCodeByMail() {
        ProcessInstance registration = register("operator1", List.of(Groups.CALL_CENTRE), form("PHONE",
                "Сарантуяа", null, "saraa@example.mn", "REQUEST", "INFRASTRUCTURE", null, "khovd.jargalant", null));

        Map<String, Object> shown = taskService().getVariables(receipt(registration).getId());
        assertThat(receipt(registration).getAssignee()).isEqualTo("operator1");
        assertThat((String) shown.get(Vars.CITIZEN_TOLD)).contains("saraa@example.mn", "имэйл");
        Petition p = petitions.findByTrackingCode((String) shown.get(Vars.TRACKING_CODE)).orElseThrow();
        assertThat(p.channel()).isEqualTo(Channel.PHONE);
        assertThat(p.contactPhone()).isNull();
        assertThat(p.aimagCode()).isEqualTo("khovd");

        runPetitionJobs(p);
        OutboxMessage ack = only(p, "ACKNOWLEDGED");
        assertThat(ack.channel()).isEqualTo("EMAIL");
        assertThat(ack.recipient()).isEqualTo("saraa@example.mn");
        assertThat(ack.body()).contains(p.trackingCode(), DUE_TEXT);
    }

    @Test
    void anOfficialRegistersAWalkInWithoutContactNothingIsSentAndTheReceiptSaysSo() {
        ProcessInstance registration = register("sumber.office", List.of("body-sumber-governor-office"),
                form("WALK_IN", "Ганбаатар", "", "", "THANKS", "HEALTH", null, null, null));

        Map<String, Object> shown = taskService().getVariables(receipt(registration).getId());
        assertThat((String) shown.get(Vars.CITIZEN_TOLD)).contains("мэдэгдэл илгээгдэхгүй", "заавал");
        assertThat((String) shown.get(Vars.DUE_DATE_TEXT)).startsWith("Хугацаагүй");
        assertThat((String) shown.get(Vars.STATUS_HELP)).doesNotContain("SMS").contains("/open311/v2/requests/");
        Petition p = petitions.findByTrackingCode((String) shown.get(Vars.TRACKING_CODE)).orElseThrow();
        assertThat(p.contactPhone()).isNull();
        assertThat(p.contactEmail()).isNull();

        runPetitionJobs(p);
        assertThat(petitionInstance(p)).isNotNull();
        assertThat(outbox.forPetition(p.id())).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ refused

    @Test
    void invalidInputIsRefusedWithTheReasonAndLeavesNothingBehind() {
        long petitionsBefore = count("petition");
        long outboxBefore = count("outbox");
        long registrationsBefore = registrations();
        Map<String, Object> good = form("WALK_IN", "Бат", "99112233", "", "COMPLAINT", "HEALTH", null, null, null);

        assertRefused(with(good, Vars.CITIZEN_NAME, "  "), "Иргэний овог, нэр бичнэ үү");
        assertRefused(with(good, Vars.CITIZEN_NAME, "Б".repeat(201)), "200 тэмдэгтээс урт");
        assertRefused(with(good, Vars.CITIZEN_PHONE, "12345"), "Утасны дугаар буруу");
        assertRefused(with(good, Vars.CITIZEN_EMAIL, "bat.example.mn"), "Имэйл хаяг буруу");
        assertRefused(with(good, Vars.CHANNEL, "SMS"), "хэрхэн ирснийг сонгоно уу");
        assertRefused(with(good, Vars.PETITION_TYPE, "SPAM"), "төрлийг сонгоно уу");
        assertRefused(with(good, Vars.CATEGORY, null), "Ангилал бичнэ үү");
        assertRefused(with(good, Vars.PETITION_TEXT, ""), "агуулга хоосон");
        assertRefused(with(good, Vars.PETITION_TEXT, "а".repeat(4001)), "4000 тэмдэгтээс урт");
        // intake's own rules: a category that does not exist, a soum outside the chosen aimag
        assertRefused(with(good, Vars.CATEGORY, "NO_SUCH"), "Ангилал 'NO_SUCH' байхгүй");
        assertRefused(with(with(good, Vars.AIMAG, "khovd"), Vars.SOUM, "govisumber.sumber"), "Байршил буруу");
        // what a hand-made request could add: a variable the form does not have, another registrar
        assertRefused(with(good, "bodyGroup", "body-sumber-land"), "Маягтад байхгүй талбар ирлээ: bodyGroup");
        assertRefused(with(good, Vars.REGISTRAR, "sumber.health"), "өөр хүн байж болохгүй");

        assertThat(count("petition")).isEqualTo(petitionsBefore);
        assertThat(count("outbox")).isEqualTo(outboxBefore);
        assertThat(registrations()).isEqualTo(registrationsBefore);
    }

    @Test
    void aPaperPetitionOfExactlyTheLimitIsRegisteredWhole() {
        String text = "а".repeat(4000);
        ProcessInstance registration = register("clerk", List.of(Groups.CLERKS), with(form("WALK_IN", "Бат Дорж",
                "99112233", "", "COMPLAINT", "HEALTH", null, null, null), Vars.PETITION_TEXT, text));
        Map<String, Object> shown = taskService().getVariables(receipt(registration).getId());
        Petition p = petitions.findByTrackingCode((String) shown.get(Vars.TRACKING_CODE)).orElseThrow();
        assertThat(p.text()).isEqualTo(text);
    }

    @Test
    void peopleOutsideTheConfiguredGroupsCannotRegister() {
        Map<String, Object> form = form("WALK_IN", "Бат", "99112233", "", "COMPLAINT", "HEALTH", null, null, null);
        long petitionsBefore = count("petition");
        long registrationsBefore = registrations();
        // the process owner starts no process instance at all (they change models, not cases)
        assertThatThrownBy(() -> register("owner", List.of(Groups.PROCESS_OWNERS), form))
                .isInstanceOf(AuthorizationException.class);
        // a supervisor has no grant on the definition: Camunda refuses before the process starts
        assertThatThrownBy(() -> register("govisumber.supervisor", List.of(Groups.supervisors("govisumber")), form))
                .isInstanceOf(AuthorizationException.class);
        assertThat(registrations()).isEqualTo(registrationsBefore);
        assertThat(count("petition")).isEqualTo(petitionsBefore);
    }

    // ------------------------------------------------------------------------------------------------ the forms

    /** Tasklist loads no variables for a start form, so its options are static: they must match the data. */
    @Test
    void theStartFormsOptionsAreTheReferenceDataAndItsKeysTheProcessVariables() throws IOException {
        JsonNode form = form(PetitionRegistrationProcess.START_FORM);
        List<String> keys = new ArrayList<>();
        form.get("components").forEach(c -> {
            if (c.has("key")) {
                keys.add(c.get("key").asText());
            }
        });
        assertThat(keys).containsExactlyInAnyOrderElementsOf(Vars.FORM_FIELDS);

        assertThat(options(form, Vars.CHANNEL)).containsOnlyKeys("WALK_IN", "PHONE");
        Map<String, String> types = new HashMap<>();
        for (PetitionType t : PetitionType.values()) {
            types.put(t.name(), t.labelMn());
        }
        assertThat(options(form, Vars.PETITION_TYPE)).isEqualTo(types);
        Map<String, String> categories = new HashMap<>();
        petitions.categories().forEach(c -> categories.put(c.code(), c.nameMn()));
        assertThat(options(form, Vars.CATEGORY)).isEqualTo(categories);
        assertThat(options(form, Vars.AIMAG)).isEqualTo(units(OrgUnit.Level.AIMAG));
        assertThat(options(form, Vars.SOUM)).isEqualTo(units(OrgUnit.Level.SOUM));
        assertThat(options(form, Vars.BAG)).isEqualTo(units(OrgUnit.Level.BAG));
    }

    @Test
    void theReceiptShowsOnlyDisabledFieldsSoCompletingItSubmitsNothing() throws IOException {
        JsonNode form = form(PetitionRegistrationProcess.RECEIPT_FORM);
        List<String> keys = new ArrayList<>();
        form.get("components").forEach(c -> {
            if (c.has("key")) {
                assertThat(c.path("disabled").asBoolean()).as("%s disabled", c.get("key")).isTrue();
                keys.add(c.get("key").asText());
            }
        });
        assertThat(keys).containsExactlyInAnyOrder(Vars.TRACKING_CODE, Vars.DUE_DATE_TEXT, Vars.CITIZEN_TOLD,
                Vars.STATUS_HELP);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private ProcessInstance register(String user, List<String> groups, Map<String, Object> form) {
        String definitionId = repositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(PetitionRegistrationProcess.KEY).latestVersion().singleResult().getId();
        identityService().setAuthentication(user, groups);
        try {
            return formService().submitStartForm(definitionId, form);
        } finally {
            identityService().clearAuthentication();
        }
    }

    private void assertRefused(Map<String, Object> form, String reason) {
        assertThatThrownBy(() -> register("clerk", List.of(Groups.CLERKS), form))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining(reason);
    }

    /** Every field, as Tasklist submits them: untouched text fields as "", untouched selects as null. */
    private static Map<String, Object> form(String channel, String name, String phone, String email, String type,
                                            String category, String aimag, String soum, String bag) {
        Map<String, Object> f = new HashMap<>();
        f.put(Vars.CHANNEL, channel);
        f.put(Vars.CITIZEN_NAME, name);
        f.put(Vars.CITIZEN_PHONE, phone == null ? "" : phone);
        f.put(Vars.CITIZEN_EMAIL, email == null ? "" : email);
        f.put(Vars.PETITION_TYPE, type);
        f.put(Vars.CATEGORY, category);
        f.put(Vars.AIMAG, aimag);
        f.put(Vars.SOUM, soum);
        f.put(Vars.BAG, bag);
        f.put(Vars.ADDRESS, "Гудамж 4, 12 тоот");
        f.put(Vars.PETITION_TEXT, "Эмнэлэгт эмч байхгүй байна.");
        return f;
    }

    private static Map<String, Object> with(Map<String, Object> form, String key, Object value) {
        Map<String, Object> f = new HashMap<>(form);
        f.put(key, value);
        return f;
    }

    private static Task receipt(ProcessInstance registration) {
        return taskService().createTaskQuery().processInstanceId(registration.getId())
                .taskDefinitionKey(Elements.RECEIPT).singleResult();
    }

    private static ProcessInstance petitionInstance(Petition p) {
        return runtimeService().createProcessInstanceQuery().processInstanceId(p.processInstanceId()).singleResult();
    }

    /** The petition process's jobs that are due (the job executor is off in process tests). */
    private static void runPetitionJobs(Petition p) {
        for (int i = 0; i < 50; i++) {
            List<Job> due = managementService().createJobQuery().processInstanceId(p.processInstanceId())
                    .executable().list();
            if (due.isEmpty()) {
                return;
            }
            managementService().executeJob(due.get(0).getId());
        }
    }

    private OutboxMessage only(Petition p, String kind) {
        List<OutboxMessage> m = outbox.forPetition(p.id()).stream().filter(o -> o.kind().equals(kind)).toList();
        assertThat(m).hasSize(1);
        return m.get(0);
    }

    private static long registrations() {
        return historyService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(PetitionRegistrationProcess.KEY).count();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private static JsonNode form(String id) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("forms/petitions/" + id
                + ".form"))) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static Map<String, String> options(JsonNode form, String key) {
        Map<String, String> values = new HashMap<>();
        form.get("components").forEach(c -> {
            if (key.equals(c.path("key").asText())) {
                c.get("values").forEach(v -> values.put(v.get("value").asText(), v.get("label").asText()));
            }
        });
        return values;
    }

    private Map<String, String> units(OrgUnit.Level level) {
        Map<String, String> units = new HashMap<>();
        organisations.units().stream().filter(u -> u.level() == level).forEach(u -> units.put(u.code(),
                level == OrgUnit.Level.AIMAG ? u.nameMn() : level == OrgUnit.Level.SOUM
                        ? organisations.describe(u.parentCode(), u.code(), null)
                        : organisations.describe(organisations.unit(u.parentCode()).orElseThrow().parentCode(),
                                u.parentCode(), u.code())));
        return units;
    }
}
