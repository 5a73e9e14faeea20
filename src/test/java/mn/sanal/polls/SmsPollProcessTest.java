package mn.sanal.polls;

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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import mn.sanal.support.RegisterTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import mn.sanal.intake.InboundMessage;
import mn.sanal.intake.IntakeService;
import mn.sanal.petitions.Channel;
import mn.sanal.platform.Clocks;
import mn.sanal.polls.SmsPollProcess.Elements;
import mn.sanal.polls.SmsPollProcess.Vars;

/**
 * SmsPoll on the real Spring context (in-memory H2, demo organisation) with a small register: the secretary of
 * Sumber's Khural drafts from the start form, a few residents on the citizen register (issue 9's tables), the chair approves or returns, the window's timers driven by ClockUtil,
 * votes through intake as SMS, the close, the Khural's review, the results per bag, publication. Every path. The
 * residents are written once per context (polls of earlier tests keep their votes; each test's poll is its own).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class SmsPollProcessTest {

    /** Monday 23 November 2026, 10:00 in Ulaanbaatar. */
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    static final String SECRETARY = "sumber.khural";
    static final String KHURAL = "body-sumber-khural";
    static final String CHAIR = "sumber.chair";
    static final String BAG1 = "govisumber.sumber.1";
    static final String BAG2 = "govisumber.sumber.2";
    static final String BAG3 = "govisumber.sumber.3";
    static final String BAG4 = "govisumber.sumber.4";
    static final AtomicInteger MESSAGES = new AtomicInteger();

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    IntakeService intake;
    @Autowired
    PollService polls;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        init(processEngine);
        RegisterTestData.clear(jdbc);
        ClockUtil.setCurrentTime(Date.from(T0.toInstant()));
        // two phones, one person
        resident("ТЕ80050112", BAG1, LocalDate.of(1980, 5, 1), "97699000001", "97688000001");
        resident("ТЕ90010212", BAG2, LocalDate.of(1990, 1, 2), "97699000002");
        // 18 only after the closing day
        resident("ТЕ08312612", BAG3, LocalDate.of(2008, 11, 26), "97699000003");
        // a resident of a bag outside the audience
        resident("ТЕ85030312", BAG4, LocalDate.of(1985, 3, 3), "97699000004");
        // a resident who does not vote (gets the reminder)
        resident("ТЕ70070712", BAG1, LocalDate.of(1970, 7, 7), "97699000005");
        // 18 on the closing day exactly
        resident("ТЕ08312512", BAG3, LocalDate.of(2008, 11, 25), "97699000006");
    }

    @AfterEach
    void tearDown() {
        identityService().clearAuthentication();
        ClockUtil.reset();
    }

    // ------------------------------------------------------------------------------------------------ approved

    @Test
    void approvedPollAnnouncedVotedRemindedClosedConfirmedSentAndPublished() {
        ProcessInstance pi = start(draft("1, 2, 3", true, "FIRST_COUNTS"));
        Poll poll = poll(pi);
        assertThat(poll.status()).isEqualTo(PollStatus.DRAFT);
        assertThat(poll.options()).containsExactly("Тийм", "Үгүй");
        assertThat(poll.bags()).containsExactly(BAG1, BAG2, BAG3);
        String code = poll.code();

        // the chair approves: the summary shows the question and how to answer
        Task approve = task(pi, Elements.APPROVE);
        assertThat(taskService().getIdentityLinksForTask(approve.getId()))
                .anySatisfy(l -> assertThat(l.getUserId()).isEqualTo(CHAIR));
        assertThat(String.valueOf(taskService().getVariableLocal(approve.getId(), Vars.POLL_SUMMARY)))
                .contains("Цэцэрлэг", code + " <дугаар>");
        complete(approve, CHAIR, List.of(), Map.of(Vars.APPROVAL, SmsPollProcess.APPROVE));
        assertThat(poll(pi).status()).isEqualTo(PollStatus.APPROVED);
        assertThat(poll(pi).approvedBy()).isEqualTo(CHAIR);

        // nothing is sent before the announcement's job; then every eligible phone of the audience, once
        assertThat(outbox("poll:" + poll.id() + ":POLL_ANNOUNCED:%")).isEmpty();
        runDueJobs(pi);
        List<Map<String, Object>> announced = outbox("poll:" + poll.id() + ":POLL_ANNOUNCED:%");
        assertThat(announced).extracting(r -> r.get("recipient")).containsExactlyInAnyOrder("97699000001",
                "97688000001", "97699000002", "97699000005", "97699000006");
        assertThat((String) announced.get(0).get("body")).contains("1=Тийм", "2=Үгүй", "Хариулт: " + code
                + " <дугаар>");
        // a job run twice writes nothing new
        assertThat(polls.get(poll.id()).status()).isEqualTo(PollStatus.APPROVED);

        // before the window: told when it opens
        assertThat(sms("97699000001", code + " 1")).isEqualTo(code + ": санал авч эхлээгүй. Эхлэх: 2026.11.23 11:00");

        at(T0.plusHours(1));
        runDueJobs(pi);
        assertThat(poll(pi).status()).isEqualTo(PollStatus.OPEN);
        assertThat(runtimeService().getVariable(pi.getId(), Vars.REMIND_NON_VOTERS)).isEqualTo(true);

        // votes: one person with two phones votes once; every refusal told
        assertThat(sms("97699000001", code + " 1")).isEqualTo(PollReplies.recorded(code, 1));
        assertThat(sms("97688000001", "s" + code.substring(1) + " 2")).isEqualTo(PollReplies.alreadyVoted(code));
        assertThat(sms("97699000002", code + "-2")).isEqualTo(PollReplies.recorded(code, 2));
        assertThat(sms("97699000004", code + " 1")).isEqualTo(PollReplies.notInAudience(code));
        assertThat(sms("97699000003", code + " 1")).isEqualTo(PollReplies.notEligible(code, 18));
        assertThat(sms("97699000006", code + " 7")).isEqualTo(code + ": 1=Тийм 2=Үгүй. Жишээ: " + code + " 1");
        assertThat(sms("97699000006", code + " 1")).isEqualTo(PollReplies.recorded(code, 1));
        assertThat(sms("97699999999", code + " 1")).isEqualTo(PollReplies.notRegistered(code));
        assertThat(sms("447700900123", code + " 1")).isEqualTo(PollReplies.notRegistered(code));
        // a bare digit is no vote: it stays a rating (here: none awaited)
        assertThat(sms("97699000005", "1")).doesNotContain(code);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM poll_vote WHERE poll_id = ?").param(poll.id()).query(Long.class)
                .single()).isEqualTo(3);

        // the reminder at the policy point (48 h window: 60 %) goes to the audience's non-voters only
        Job reminder = timer(pi, Elements.REMINDER_DUE);
        assertThat(reminder.getDuedate()).isEqualTo(Date.from(T0.plusHours(1).plusMinutes(48 * 60 * 60 / 100)
                .toInstant()));
        at(T0.plusHours(1).plusHours(29));
        runDueJobs(pi);
        assertThat(outbox("poll:" + poll.id() + ":POLL_REMINDER:%")).extracting(r -> r.get("recipient"))
                .containsExactly("97699000005");

        // a vote a second after the close, before the close's job ran: refused as late
        at(T0.plusHours(49).plusSeconds(1));
        assertThat(sms("97699000005", code + " 2")).isEqualTo(PollReplies.closed(code));
        runDueJobs(pi);

        Poll closed = poll(pi);
        assertThat(closed.status()).isEqualTo(PollStatus.CLOSED);
        // received: 11 messages named the code (the bare digit did not); valid 3; late 1; the rest refused
        assertThat(closed.counters()).isEqualTo(new Poll.Counters(11, 3, 7, 1));
        assertThat(closed.voteTableSha256()).hasSize(64).isEqualTo(polls.voteTableHash(poll.id()));

        Task review = task(pi, Elements.REVIEW);
        String table = String.valueOf(taskService().getVariableLocal(review.getId(), Vars.RESULTS_TABLE));
        assertThat(table).contains("1-р баг | 1 | 0 | 1 | 2 | 50.0%", "2-р баг | 0 | 1 | 1 | 1 | 100.0%",
                "3-р баг | 1 | 0 | 1 | 1 | 100.0%", "Сүмбэр | 2 | 1 | 3 | 4 | 75.0%");
        assertThat(String.valueOf(taskService().getVariableLocal(review.getId(), Vars.COUNTERS_TEXT)))
                .contains(closed.voteTableSha256(), "хүчинтэй 3");
        // a confirmation needs the box ticked
        assertThatThrownBy(() -> complete(review, "sumber.khural", List.of(KHURAL), Map.of(Vars.CONFIRMED, false)))
                .hasMessageContaining("(confirmed)");
        complete(review, "sumber.khural", List.of(KHURAL), Map.of(Vars.CONFIRMED, true));
        assertThat(poll(pi).confirmedBy()).isEqualTo("sumber.khural");

        runDueJobs(pi);
        List<Map<String, Object>> results = outbox("poll:" + poll.id() + ":POLL_RESULTS:%");
        assertThat(results).filteredOn(r -> r.get("recipient").equals("97699000002")).singleElement()
                .satisfies(r -> assertThat((String) r.get("body")).isEqualTo(code
                        + " дүн. 2-р баг: 1=0 2=1, ирц 100.0%. Сум: 1=2 2=1, ирц 75.0%."));
        assertThat(results).filteredOn(r -> r.get("recipient").equals("97699000001")).singleElement()
                .satisfies(r -> assertThat((String) r.get("body")).contains("1-р баг: 1=1 2=0, ирц 50.0%"));
        // bag 4 was not asked and hears nothing; the under-age resident of bag 3 neither
        assertThat(results).extracting(r -> r.get("recipient")).doesNotContain("97699000004", "97699000003");
        assertThat(poll(pi).status()).isEqualTo(PollStatus.PUBLISHED);
        assertEnded(pi, Elements.END_PUBLISHED);
    }

    // ------------------------------------------------------------------------------------------------ returned

    @Test
    void returnedPollIsRevisedAndApprovedOrWithdrawn() {
        ProcessInstance pi = start(draft("", false, "LAST_COUNTS"));
        Task approve = task(pi, Elements.APPROVE);
        // a return needs a reason
        assertThatThrownBy(() -> complete(approve, CHAIR, List.of(), Map.of(Vars.APPROVAL, SmsPollProcess.RETURN)))
                .hasMessageContaining("шалтгаан");
        complete(approve, CHAIR, List.of(), Map.of(Vars.APPROVAL, SmsPollProcess.RETURN, Vars.RETURN_REASON,
                "Асуултыг тодруулна уу."));
        assertThat(poll(pi).status()).isEqualTo(PollStatus.RETURNED);

        Task revise = task(pi, Elements.REVISE);
        assertThat(revise.getAssignee()).isEqualTo(SECRETARY);
        assertThat(String.valueOf(taskService().getVariableLocal(revise.getId(), Vars.POLL_SUMMARY)))
                .contains("Асуултыг тодруулна уу.");
        Map<String, Object> revised = new HashMap<>(draft("1", false, "LAST_COUNTS"));
        revised.remove(Vars.SOUM);
        revised.put(Vars.QUESTION, "Сумын төвд шинэ цэцэрлэг барих уу?");
        revised.put(Vars.REVISION, SmsPollProcess.RESUBMIT);
        complete(revise, SECRETARY, List.of(KHURAL), revised);
        Poll p = poll(pi);
        assertThat(p.status()).isEqualTo(PollStatus.DRAFT);
        assertThat(p.question()).isEqualTo("Сумын төвд шинэ цэцэрлэг барих уу?");
        assertThat(p.bags()).containsExactly(BAG1);
        assertThat(p.returnedReason()).isNull();

        complete(task(pi, Elements.APPROVE), CHAIR, List.of(), Map.of(Vars.APPROVAL, SmsPollProcess.RETURN,
                Vars.RETURN_REASON, "Одоохондоо хэрэггүй."));
        Map<String, Object> withdraw = new HashMap<>(revised);
        withdraw.put(Vars.REVISION, SmsPollProcess.WITHDRAW);
        complete(task(pi, Elements.REVISE), SECRETARY, List.of(KHURAL), withdraw);
        assertThat(poll(pi).status()).isEqualTo(PollStatus.WITHDRAWN);
        assertEnded(pi, Elements.END_WITHDRAWN);
        // a withdrawn poll's code is nobody's vote: the SMS is something else (a new petition)
        assertThat(sms("97699000001", p.code() + " 1")).doesNotContain(p.code() + ":");
    }

    @Test
    void onlyTheSoumsKhuralMayDraftAndTheDraftIsChecked() {
        assertThatThrownBy(() -> start("jargalant.khural", List.of("body-jargalant-khural"), draft("", false,
                "FIRST_COUNTS"))).hasMessageContaining("эрхгүй");
        Map<String, Object> oneOption = new HashMap<>(draft("", false, "FIRST_COUNTS"));
        oneOption.put(Vars.OPTIONS, "Тийм");
        assertThatThrownBy(() -> start(oneOption)).hasMessageContaining("2-оос 9");
        Map<String, Object> badBag = new HashMap<>(draft("7", false, "FIRST_COUNTS"));
        assertThatThrownBy(() -> start(badBag)).hasMessageContaining("«7»");
        Map<String, Object> extra = new HashMap<>(draft("", false, "FIRST_COUNTS"));
        extra.put("pollId", 1L);
        assertThatThrownBy(() -> start(extra)).hasMessageContaining("pollId");
    }

    // ------------------------------------------------------------------------------------------------ no votes

    @Test
    void aPollWithoutVotesClosesWithZerosAndNoReminderWhenNotAsked() {
        ProcessInstance pi = start(draft("2", false, "FIRST_COUNTS"));
        complete(task(pi, Elements.APPROVE), CHAIR, List.of(), Map.of(Vars.APPROVAL, SmsPollProcess.APPROVE));
        runDueJobs(pi);
        at(T0.plusHours(1));
        runDueJobs(pi);
        assertThat(runtimeService().getVariable(pi.getId(), Vars.REMIND_NON_VOTERS)).isEqualTo(false);
        at(T0.plusHours(49));
        runDueJobs(pi);
        Poll closed = poll(pi);
        assertThat(closed.counters()).isEqualTo(new Poll.Counters(0, 0, 0, 0));
        // SHA-256 of nothing
        assertThat(closed.voteTableSha256())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(outbox("poll:" + closed.id() + ":POLL_REMINDER:%")).isEmpty();
        complete(task(pi, Elements.REVIEW), "sumber.khural", List.of(KHURAL), Map.of(Vars.CONFIRMED, true));
        runDueJobs(pi);
        assertThat(outbox("poll:" + closed.id() + ":POLL_RESULTS:%")).singleElement()
                .satisfies(r -> assertThat((String) r.get("body")).contains("2-р баг: 1=0 2=0, ирц 0.0%"));
        assertEnded(pi, Elements.END_PUBLISHED);
    }

    @Test
    void laterVoteReplacesUnderTheLastCountsPolicy() {
        ProcessInstance pi = start(draft("1", false, "LAST_COUNTS"));
        complete(task(pi, Elements.APPROVE), CHAIR, List.of(), Map.of(Vars.APPROVAL, SmsPollProcess.APPROVE));
        runDueJobs(pi);
        at(T0.plusHours(1));
        runDueJobs(pi);
        String code = poll(pi).code();
        assertThat(sms("97699000001", code + " 1")).isEqualTo(PollReplies.recorded(code, 1));
        assertThat(sms("97688000001", code + " 2")).isEqualTo(PollReplies.replaced(code, 2));
        assertThat(jdbc.sql("SELECT option_no FROM poll_vote WHERE poll_id = ?").param(poll(pi).id())
                .query(Integer.class).list()).containsExactly(2);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A resident of Sumber on the register, once per database. */
    void resident(String registerNo, String bag, LocalDate born, String... phones) {
        if (jdbc.sql("SELECT COUNT(*) FROM citizen WHERE register_no = ?").param(registerNo).query(Long.class)
                .single() > 0) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                INSERT INTO citizen (register_no, family_name, given_name, birth_date, aimag_code, soum_code, bag_code,
                    created_at, updated_at) VALUES (?, 'Туршилт', 'Иргэн', ?, 'govisumber', 'govisumber.sumber', ?, ?, ?)
                """).params(registerNo, born, bag, now, now).update();
        long id = jdbc.sql("SELECT id FROM citizen WHERE register_no = ?").param(registerNo).query(Long.class).single();
        for (String phone : phones) {
            jdbc.sql("INSERT INTO citizen_phone (phone, citizen_id, source, added_at) VALUES (?, ?, 'DEMO', ?)")
                    .params(phone, id, now).update();
        }
    }

    static Map<String, Object> draft(String bags, boolean remind, String policy) {
        Map<String, Object> v = new HashMap<>();
        v.put(Vars.SOUM, "govisumber.sumber");
        v.put(Vars.QUESTION, "Цэцэрлэг барих уу?");
        v.put(Vars.OPTIONS, "1. Тийм\n2. Үгүй\n");
        v.put(Vars.BAG_NUMBERS, bags);
        v.put(Vars.OPENS_AT_TEXT, "2026.11.23 11:00");
        v.put(Vars.CLOSES_AT_TEXT, "2026.11.25 11:00");
        v.put(Vars.MIN_AGE, 18L);
        v.put(Vars.REPLACE_POLICY, policy);
        v.put(Vars.REMIND, remind);
        return v;
    }

    ProcessInstance start(Map<String, Object> vars) {
        return start(SECRETARY, List.of(KHURAL), vars);
    }

    ProcessInstance start(String user, List<String> groups, Map<String, Object> vars) {
        String def = repositoryService().createProcessDefinitionQuery().processDefinitionKey(SmsPollProcess.KEY)
                .latestVersion().singleResult().getId();
        identityService().setAuthentication(user, groups);
        try {
            return formService().submitStartForm(def, vars);
        } finally {
            identityService().clearAuthentication();
        }
    }

    void complete(Task task, String user, List<String> groups, Map<String, Object> vars) {
        identityService().setAuthentication(user, groups);
        try {
            taskService().complete(task.getId(), vars);
        } finally {
            identityService().clearAuthentication();
        }
    }

    Poll poll(ProcessInstance pi) {
        Object id = historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(Vars.POLL_ID).singleResult().getValue();
        return polls.get(((Number) id).longValue());
    }

    Task task(ProcessInstance pi, String key) {
        return taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }

    Job timer(ProcessInstance pi, String activity) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).timers().activityId(activity)
                .singleResult();
    }

    static void at(OffsetDateTime t) {
        ClockUtil.setCurrentTime(Date.from(t.toInstant()));
    }

    void runDueJobs(ProcessInstance pi) {
        for (int i = 0; i < 20; i++) {
            List<Job> due = managementService().createJobQuery().processInstanceId(pi.getId()).executable().list();
            if (due.isEmpty()) {
                return;
            }
            managementService().executeJob(due.get(0).getId());
        }
    }

    /** An SMS through intake; what intake answered the sender. */
    String sms(String phone, String text) {
        String id = "poll-test-" + MESSAGES.incrementAndGet();
        intake.receive(InboundMessage.of(Channel.SMS, id, phone, text).receivedAt(Clocks.now()));
        return jdbc.sql("SELECT body FROM outbox WHERE message_key = ?").param("reply:SMS:" + id)
                .query(String.class).optional().orElse("");
    }

    List<Map<String, Object>> outbox(String keyPattern) {
        return jdbc.sql("SELECT recipient, body FROM outbox WHERE message_key LIKE ? ORDER BY id").param(keyPattern)
                .query((rs, n) -> Map.<String, Object>of("recipient", rs.getString(1), "body", rs.getString(2)))
                .list();
    }

    void assertEnded(ProcessInstance pi, String endEvent) {
        assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
                .singleResult().getEndActivityId()).isEqualTo(endEvent);
    }
}
