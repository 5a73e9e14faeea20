package mn.sanal.broadcasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import mn.sanal.support.RegisterTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import mn.sanal.broadcasts.BroadcastProcess.Elements;
import mn.sanal.broadcasts.BroadcastProcess.Vars;
import mn.sanal.citizens.RegisterImport;
import mn.sanal.outbox.OutboxMessage;
import mn.sanal.outbox.OutboxService;
import mn.sanal.platform.Clocks;

/**
 * Every path of Broadcast: approved (sent, one retry of a failure, report), refused and resubmitted, quiet hours,
 * cancelled mid-way. Nothing is written to the outbox before approval.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class BroadcastProcessTest {

    private static final String SUMBER = "govisumber.sumber";
    private static final String TEXT = "Сумын иргэдийн Хурал 12 сарын 5-нд 10 цагт болно.";

    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    RegisterImport imports;
    @Autowired
    OutboxService outbox;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        init(engine);
        RegisterTestData.clear(jdbc);
        jdbc.sql("DELETE FROM outbox").update();
        jdbc.sql("DELETE FROM opt_out").update();
        imports.importCsv(SUMBER, "sumber.office", "list.csv", """
                регистр,овог,нэр,баг,утас
                УБ90011512,Дорж,Батболд,2,99112201 88112201
                УБ90011513,Дорж,Сарнай,2,99112202
                УБ90011514,Дорж,Зогсоосон,2,99112203
                УБ90011516,Дорж,Өөрбаг,3,99112205
                """);
        jdbc.sql("INSERT INTO opt_out (channel, address, opted_out, updated_at) VALUES ('SMS', '97699112203', TRUE, ?)")
                .param(OffsetDateTime.now()).update();
        at(2026, 11, 24, 10, 0);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }

    @Test
    void approvedItIsSentRetriedOnceAndReported() {
        ProcessInstance pi = start("sumber.office", "body-sumber-governor-office", Map.of(Vars.TEXT, TEXT,
                Vars.BAGS, "2"));
        assertThat(pi).isWaitingAt(Elements.APPROVE);
        assertThat(task(pi)).isAssignedTo("sumber.governor");
        assertThat(var(pi, Vars.RECIPIENTS)).isEqualTo(3L);
        assertThat(var(pi, Vars.SEGMENTS_TOTAL)).isEqualTo(3L);
        assertThat((String) var(pi, Vars.BILLING_TEXT)).startsWith("3 утас × 1 SMS = 3 SMS");
        assertThat(broadcastRows()).as("nothing before approval").isEmpty();

        complete(pi, Map.of(Vars.DECISION, BroadcastProcess.APPROVE));
        runJob(pi);
        assertThat(pi).isWaitingAt(Elements.WAIT_TO_SEND);
        runJob(pi);
        assertThat(pi).isWaitingAt(Elements.SEND);
        runJob(pi);
        assertThat(pi).isWaitingAt(Elements.WAIT_FOR_RECEIPTS);
        assertThat(task(pi).getTaskDefinitionKey()).as("it may be stopped while it sends")
                .isEqualTo(Elements.STOP_TASK);
        assertThat(broadcastRows()).extracting(OutboxMessage::recipient)
                .containsExactlyInAnyOrder("97699112201", "97688112201", "97699112202");

        List<OutboxMessage> claimed = outbox.claim(Set.of("SMS"), 10, "test");
        for (int i = 0; i < claimed.size(); i++) {
            outbox.markSent(claimed.get(i).id(), "x-" + i);
            outbox.recordDelivery("x-" + i, i == 0 ? "FAILED" : "DELIVERED", OffsetDateTime.now());
        }
        runJob(pi);
        assertThat(pi).isWaitingAt(Elements.RETRY);
        runJob(pi);
        assertThat(pi).isWaitingAt(Elements.WAIT_FOR_RETRY);
        assertThat(task(pi).getTaskDefinitionKey()).isEqualTo(Elements.STOP_TASK);
        assertThat(outbox.claim(Set.of("SMS"), 10, "test")).extracting(OutboxMessage::recipient)
                .containsExactly(claimed.get(0).recipient());
        runJob(pi);
        assertThat(pi).hasPassed(Elements.SENDING_DONE, Elements.REPORT).isEnded().hasPassed(Elements.END_SENT)
                .hasNotPassed(Elements.STOP_SENDING);
        HistoricTaskInstance stop = engine.getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceId(pi.getId()).taskDefinitionKey(Elements.STOP_TASK).singleResult();
        assertThat(stop.getEndTime()).as("the stop task went away when the sending finished").isNotNull();
        assertThat(stop.getDeleteReason()).isNotEqualTo("completed");
        assertThat(history(pi, Vars.SENT)).isEqualTo(3L);
        assertThat(history(pi, Vars.DELIVERED)).isEqualTo(2L);
        assertThat((String) history(pi, Vars.REPORT_TEXT)).contains("Хүлээн авагч 3").contains("татгалзсан (ЗОГС) 1");
    }

    @Test
    void refusedItGoesBackToTheAuthorWhoResubmits() {
        ProcessInstance pi = start("sumber.khural", "body-sumber-khural", Map.of(Vars.TEXT, TEXT, Vars.BAGS, "2"));
        assertThat(task(pi)).isAssignedTo("sumber.chair");
        complete(pi, Map.of(Vars.DECISION, BroadcastProcess.REFUSE, Vars.REFUSAL_REASON, "Огноог шалгана уу"));
        runJob(pi);
        assertThat(pi).isWaitingAt(Elements.REVISE);
        assertThat(task(pi)).isAssignedTo("sumber.khural");
        assertThat(var(pi, Vars.REFUSAL_REASON)).isEqualTo("Огноог шалгана уу");
        assertThat(broadcastRows()).isEmpty();

        complete(pi, Map.of(Vars.DECISION, BroadcastProcess.RESUBMIT, Vars.TEXT, "Хурал 12 сарын 6-нд болно.",
                Vars.BAGS, ""));
        runJob(pi);
        assertThat(pi).isWaitingAt(Elements.APPROVE);
        assertThat(var(pi, Vars.RECIPIENTS)).as("the whole soum now").isEqualTo(4L);
        assertThat(broadcastRows()).isEmpty();
        complete(pi, Map.of(Vars.DECISION, BroadcastProcess.APPROVE));
        runJob(pi);
        runJob(pi);
        runJob(pi);
        assertThat(pi).isWaitingAt(Elements.WAIT_FOR_RECEIPTS);
        assertThat(broadcastRows()).hasSize(4).allMatch(m -> m.body().equals("Хурал 12 сарын 6-нд болно."));
    }

    @Test
    void approvedAtNightItWaitsForMorning() {
        at(2026, 11, 24, 23, 0);
        ProcessInstance pi = start("sumber.office", "body-sumber-governor-office", Map.of(Vars.TEXT, TEXT));
        complete(pi, Map.of(Vars.DECISION, BroadcastProcess.APPROVE));
        runJob(pi);
        assertThat(pi).isWaitingAt(Elements.WAIT_TO_SEND);
        Job timer = job(pi);
        assertThat(timer.getDuedate()).isEqualTo(local(2026, 11, 25, 8, 0));
        assertThat(broadcastRows()).isEmpty();
        at(2026, 11, 25, 8, 0);
        execute(timer);
        runJob(pi);
        assertThat(pi).isWaitingAt(Elements.WAIT_FOR_RECEIPTS);
        assertThat(broadcastRows()).hasSize(4);
    }

    @Test
    void cancelledMidwayWhatIsNotSentStays() {
        ProcessInstance pi = start("sumber.office", "body-sumber-governor-office", Map.of(Vars.TEXT, TEXT,
                Vars.BAGS, "2"));
        complete(pi, Map.of(Vars.DECISION, BroadcastProcess.APPROVE));
        runJob(pi);
        runJob(pi);
        runJob(pi);
        List<OutboxMessage> first = outbox.claim(Set.of("SMS"), 1, "test");
        outbox.markSent(first.get(0).id(), "x-1");

        engine.getRuntimeService().createMessageCorrelation(BroadcastProcess.MSG_CANCEL)
                .processInstanceId(pi.getId()).correlate();
        assertThat(pi).isEnded().hasPassed(Elements.CANCEL, Elements.END_CANCELLED);
        assertThat(broadcastRows()).extracting(OutboxMessage::status)
                .containsExactlyInAnyOrder("SENT", OutboxService.CANCELLED, OutboxService.CANCELLED);
        assertThat(outbox.claim(Set.of("SMS"), 10, "test")).isEmpty();
        assertThat(history(pi, Vars.CANCELLED)).isEqualTo(2L);
        assertThat(history(pi, Vars.SENT)).isEqualTo(1L);
    }

    @Test
    void stoppedFromTasklistWhatIsNotSentStays() {
        ProcessInstance pi = start("sumber.office", "body-sumber-governor-office", Map.of(Vars.TEXT, TEXT,
                Vars.BAGS, "2"));
        complete(pi, Map.of(Vars.DECISION, BroadcastProcess.APPROVE));
        runJob(pi);
        runJob(pi);
        assertThat(pi).isWaitingAt(Elements.SEND, Elements.STOP_TASK);
        assertThat(task(pi)).hasName("Илгээлтийг зогсоох")
                .hasCandidateUser("sumber.office").hasCandidateUser("sumber.governor")
                .hasCandidateGroup("body-sumber-governor-office");
        runJob(pi);
        List<OutboxMessage> first = outbox.claim(Set.of("SMS"), 1, "test");
        outbox.markSent(first.get(0).id(), "x-1");

        assertThatThrownBy(() -> complete(pi, Map.of(Vars.CANCEL_CONFIRMED, false, Vars.CANCEL_REASON, "Андуурсан")))
                .as("not confirmed: refused by the task guard").hasMessageContaining("cancelConfirmed");
        assertThat(pi).isWaitingAt(Elements.WAIT_FOR_RECEIPTS, Elements.STOP_TASK);
        assertThat(broadcastRows()).extracting(OutboxMessage::status).doesNotContain(OutboxService.CANCELLED);

        complete(pi, Map.of(Vars.CANCEL_CONFIRMED, true, Vars.CANCEL_REASON, "Огноо буруу"));
        assertThat(pi).isEnded().hasPassed(Elements.STOP_REQUESTED, Elements.STOP_SENDING, Elements.END_STOPPED)
                .hasNotPassed(Elements.RETRY, Elements.REPORT);
        assertThat(broadcastRows()).extracting(OutboxMessage::status)
                .containsExactlyInAnyOrder("SENT", OutboxService.CANCELLED, OutboxService.CANCELLED);
        assertThat(outbox.claim(Set.of("SMS"), 10, "test")).isEmpty();
        assertThat(history(pi, Vars.CANCELLED)).isEqualTo(2L);
        assertThat(history(pi, Vars.SENT)).isEqualTo(1L);
        assertThat(history(pi, Vars.CANCEL_REASON)).isEqualTo("Огноо буруу");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void withdrawnNothingIsSent() {
        ProcessInstance pi = start("sumber.office", "body-sumber-governor-office", Map.of(Vars.TEXT, TEXT));
        complete(pi, Map.of(Vars.DECISION, BroadcastProcess.REFUSE, Vars.REFUSAL_REASON, "Шаардлагагүй"));
        runJob(pi);
        complete(pi, Map.of(Vars.DECISION, BroadcastProcess.WITHDRAW));
        runJob(pi);
        assertThat(pi).isEnded().hasPassed(Elements.END_WITHDRAWN);
        assertThat(broadcastRows()).isEmpty();
    }

    private ProcessInstance start(String user, String group, Map<String, Object> vars) {
        identity.setAuthentication(user, List.of(group));
        try {
            return engine.getRuntimeService().startProcessInstanceByKey(BroadcastProcess.KEY, vars);
        } finally {
            identity.clearAuthentication();
        }
    }

    private void complete(ProcessInstance pi, Map<String, Object> vars) {
        engine.getTaskService().complete(task(pi).getId(), new java.util.HashMap<>(vars));
    }

    private void runJob(ProcessInstance pi) {
        execute(job(pi));
    }

    private Object var(ProcessInstance pi, String name) {
        return engine.getRuntimeService().getVariable(pi.getId(), name);
    }

    private Object history(ProcessInstance pi, String name) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(name).singleResult().getValue();
    }

    private List<OutboxMessage> broadcastRows() {
        return jdbc.sql("SELECT id FROM outbox WHERE kind = 'BROADCAST' ORDER BY id").query(Long.class).list()
                .stream().map(id -> outbox.find(id).orElseThrow()).toList();
    }

    private static void at(int y, int m, int d, int h, int min) {
        ClockUtil.setCurrentTime(local(y, m, d, h, min));
    }

    private static Date local(int y, int m, int d, int h, int min) {
        return Date.from(LocalDateTime.of(y, m, d, h, min).atZone(Clocks.ZONE).toInstant());
    }
}
