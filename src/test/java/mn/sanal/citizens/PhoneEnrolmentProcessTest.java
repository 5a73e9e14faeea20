package mn.sanal.citizens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import mn.sanal.support.RegisterTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import mn.sanal.intake.InboundMessage;
import mn.sanal.intake.IntakeResult;
import mn.sanal.intake.IntakeService;
import mn.sanal.petitions.Channel;

/**
 * Self-enrolment by SMS through the one intake: БҮРТГЭЛ / BURTGEL &lt;регистр&gt;. A phone the list has for the
 * person: bound at once. A phone it does not have: the bag governor approves (PhoneEnrolment) or refuses. Every answer
 * is one SMS to the sender.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class PhoneEnrolmentProcessTest {

    private static final String SUMBER = "govisumber.sumber";

    @Autowired
    IntakeService intake;
    @Autowired
    RegisterImport imports;
    @Autowired
    CitizenRegister register;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void setUp() {
        init(engine);
        RegisterTestData.clear(jdbc);
        imports.importCsv(SUMBER, "sumber.office", "list.csv", """
                регистр,овог,нэр,баг,утас
                УБ90011512,Дорж,Батболд,2,99112201
                УБ90011513,Дорж,Сарнай,2,99112202
                """);
    }

    @Test
    void aPhoneOnTheListIsBoundAtOnce() {
        IntakeResult r = sms("97699112201", "БҮРТГЭЛ УБ90011512");
        assertThat(r).isEqualTo(new IntakeResult.Replied(IntakeResult.Kind.ENROLMENT, null, EnrolmentTexts.BOUND,
                false));
        assertThat(replyTo("97699112201")).containsExactly(EnrolmentTexts.BOUND);
    }

    @Test
    void anUnknownPhoneWaitsForTheBagGovernorWhoApproves() {
        String phone = "97688" + (100000 + (int) (Math.random() * 899999));
        IntakeResult r = sms(phone, "burtgel уб 9001-1512");
        assertThat(r).isInstanceOf(IntakeResult.Replied.class);
        assertThat(((IntakeResult.Replied) r).reply()).isEqualTo(EnrolmentTexts.PENDING);
        assertThat(register.personOfPhone(phone)).isEmpty();

        // the same SMS again (another message id) starts no second process
        sms(phone, "БҮРТГЭЛ УБ90011512");
        List<Task> open = tasks.createTaskQuery().processDefinitionKey(PhoneEnrolmentProcess.KEY)
                .taskCandidateGroup(PhoneEnrolmentProcess.bagGovernors("govisumber.sumber.2")).list();
        assertThat(open).hasSize(1);
        Task task = open.get(0);
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .contains("bag-governors-govisumber.sumber.2", "body-sumber-governor-office");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateUser("sumber.bag2").count()).isEqualTo(1);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateUser("sumber.bag3").count()).isZero();
        assertThat(tasks.getVariableLocal(task.getId(), PhoneEnrolmentProcess.Vars.PERSON_NAME))
                .isEqualTo("Дорж Батболд");
        assertThat(tasks.getVariableLocal(task.getId(), PhoneEnrolmentProcess.Vars.REGISTER_NO))
                .isEqualTo("УБ90011512");

        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        tasks.complete(task.getId(), withVariables(PhoneEnrolmentProcess.Vars.DECISION, PhoneEnrolmentProcess.APPROVE));
        runJob(pi);
        assertThat(pi).isWaitingAt(PhoneEnrolmentProcess.Elements.BIND);
        runJob(pi);
        assertThat(pi).hasPassed(PhoneEnrolmentProcess.Elements.END_BOUND).isEnded();
        assertThat(register.personOfPhone(phone).map(Citizen::registerNo)).contains("УБ90011512");
        assertThat(replyTo(phone)).containsExactly(EnrolmentTexts.PENDING, EnrolmentTexts.PENDING,
                EnrolmentTexts.APPROVED);
        // now bound: told so
        sms(phone, "БҮРТГЭЛ УБ90011512");
        assertThat(replyTo(phone)).last().isEqualTo(EnrolmentTexts.BOUND);
    }

    @Test
    void theBagGovernorRefuses() {
        String phone = "97695" + (100000 + (int) (Math.random() * 899999));
        sms(phone, "Бүртгэл УБ90011513");
        Task task = tasks.createTaskQuery().processDefinitionKey(PhoneEnrolmentProcess.KEY)
                .processVariableValueEquals(PhoneEnrolmentProcess.Vars.PHONE, phone).singleResult();
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        tasks.complete(task.getId(), withVariables(PhoneEnrolmentProcess.Vars.DECISION, PhoneEnrolmentProcess.REFUSE,
                PhoneEnrolmentProcess.Vars.REFUSAL_REASON, "Иргэн биечлэн ирээгүй"));
        runJob(pi);
        runJob(pi);
        assertThat(pi).hasPassed(PhoneEnrolmentProcess.Elements.END_REFUSED).isEnded();
        assertThat(register.personOfPhone(phone)).isEmpty();
        assertThat(replyTo(phone)).containsExactly(EnrolmentTexts.PENDING, EnrolmentTexts.REFUSED);
    }

    @Test
    void refusalsRecordNothingAndSayWhy() {
        assertThat(sms("97699112202", "БҮРТГЭЛ УБ90011512"))
                .isEqualTo(new IntakeResult.Rejected(IntakeResult.Reason.INVALID, EnrolmentTexts.OTHER_PERSON));
        assertThat(sms("97699000111", "БҮРТГЭЛ УБ9001"))
                .isEqualTo(new IntakeResult.Rejected(IntakeResult.Reason.INVALID, EnrolmentTexts.BAD_NUMBER));
        assertThat(sms("97699000111", "BURTGEL"))
                .isEqualTo(new IntakeResult.Rejected(IntakeResult.Reason.INVALID, EnrolmentTexts.BAD_NUMBER));
        assertThat(sms("97699000111", "БҮРТГЭЛ ЖЖ80010101"))
                .isEqualTo(new IntakeResult.Rejected(IntakeResult.Reason.INVALID, EnrolmentTexts.NOT_ON_REGISTER));
        assertThat(sms("97011223344", "БҮРТГЭЛ УБ90011512"))
                .isEqualTo(new IntakeResult.Rejected(IntakeResult.Reason.INVALID, EnrolmentTexts.NOT_MOBILE));
        assertThat(replyTo("97699000111")).containsExactly(EnrolmentTexts.BAD_NUMBER, EnrolmentTexts.BAD_NUMBER,
                EnrolmentTexts.NOT_ON_REGISTER);
    }

    @Test
    void everyAnswerIsOneUcs2Sms() {
        assertThat(EnrolmentTexts.ALL).allSatisfy(t -> assertThat(t.length()).as(t).isLessThanOrEqualTo(70));
    }

    /** The next job of the instance (save points: after the task, before the service task). */
    private void runJob(ProcessInstance pi) {
        execute(job(pi));
    }

    private IntakeResult sms(String from, String text) {
        return intake.receive(InboundMessage.of(Channel.SMS, UUID.randomUUID().toString(), from, text));
    }

    private List<String> replyTo(String phone) {
        return jdbc.sql("SELECT body FROM outbox WHERE recipient = ? ORDER BY id").param(phone).query(String.class)
                .list();
    }
}
