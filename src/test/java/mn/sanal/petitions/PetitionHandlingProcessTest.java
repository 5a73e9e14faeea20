package mn.sanal.petitions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.authorizationService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import com.fasterxml.jackson.databind.ObjectMapper;

import mn.sanal.intake.InboundMessage;
import mn.sanal.intake.IntakeResult;
import mn.sanal.intake.IntakeResult.PetitionAccepted;
import mn.sanal.intake.IntakeResult.Reason;
import mn.sanal.intake.IntakeResult.Recorded;
import mn.sanal.intake.IntakeResult.Rejected;
import mn.sanal.intake.IntakeService;
import mn.sanal.organisations.Groups;
import mn.sanal.organisations.CaseAccess;
import mn.sanal.outbox.OutboxMessage;
import mn.sanal.outbox.OutboxService;
import mn.sanal.petitions.PetitionHandlingProcess.Elements;
import mn.sanal.petitions.PetitionHandlingProcess.Values;
import mn.sanal.petitions.PetitionHandlingProcess.Vars;

/**
 * The petition process on the real Spring context (in-memory H2, demo organisation), started the way channels start
 * it, through {@link IntakeService}, and driven the way officials and citizens drive it: forms' variables on task
 * completion, citizens' replies through intake, time through {@link ClockUtil}. The job executor is off: each test
 * runs the jobs that are due, so every save point is visible. Assertions are on what people see: the SMS rows in the
 * outbox, the petition row, the task in an official's list, the case history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class PetitionHandlingProcessTest {

    /** Monday 2 March 2026, 10:00 in Ulaanbaatar. */
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    /** 30 days after T0, end of the day, Ulaanbaatar time: the legal due date (law of 1995, art. 16.1). */
    static final OffsetDateTime DUE = OffsetDateTime.of(2026, 4, 1, 23, 59, 59, 0, ZoneOffset.ofHours(8));
    static final OffsetDateTime REMINDER = DUE.minusDays(5);
    static final String DUE_TEXT = "2026.04.01";

    static final String PHONE = "97699112233";
    static final NewPetition.Location SUMBER =
            new NewPetition.Location("govisumber", "govisumber.sumber", null, null, null, null);

    static final String HEALTH_GROUP = "body-sumber-health";
    static final String HEALTH_OFFICIAL = "sumber.health";
    static final String GOVERNOR_OFFICE_GROUP = "body-sumber-governor-office";
    static final String GOVERNOR_OFFICE_OFFICIAL = "sumber.office";
    static final String SUMBER_HEAD = "sumber.governor";
    static final String SUPERVISORS = "supervisors-govisumber";
    static final String SUPERVISOR = "govisumber.supervisor";

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    IntakeService intake;
    @Autowired
    PetitionService petitions;
    @Autowired
    OutboxService outbox;
    /** A spy that behaves as the real bean; one test makes it fail once to break a job after its outbox write. */
    @MockitoSpyBean
    CaseAccess caseAccess;

    @BeforeEach
    void setUp() {
        init(processEngine);
        ClockUtil.setCurrentTime(date(T0));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // ------------------------------------------------------------------------------------------------ routing

    @Test
    void healthPetitionInSumberWaitsAtTheHealthCentreWithTheLegalDueDate() throws IOException {
        Petition p = submit(PetitionType.COMPLAINT, "HEALTH", SUMBER);
        ProcessInstance pi = instance(p);
        assertThat(pi).isStarted().isWaitingAt(Elements.START);
        Assertions.assertThat(p.status()).isEqualTo(PetitionStatus.RECEIVED);

        executeDueJobs(pi);

        assertThat(pi).isWaitingAt(Elements.RESOLVE).hasPassed(Elements.ACKNOWLEDGE, Elements.ASSIGN);
        Task task = task(Elements.RESOLVE, pi);
        assertThat(task).hasCandidateGroup(HEALTH_GROUP).isNotAssigned().hasDueDate(date(DUE));
        Assertions.assertThat(task.getFollowUpDate()).isEqualTo(date(REMINDER));
        // what the official's form shows, read from our tables when the form is opened
        Map<String, Object> shown = formService().getTaskFormVariables(task.getId());
        Assertions.assertThat(shown).containsEntry("dueDateText", DUE_TEXT)
                .containsEntry("citizenContact", PHONE).containsEntry("categoryLabel", "Эрүүл мэнд")
                .containsEntry("locationLabel", "Говьсүмбэр, Сүмбэр")
                .containsEntry("responsibleBodyName", "Сүмбэр сумын Эрүүл мэндийн төв");
        Assertions.assertThat(shownText(task, "caseHistory")).contains("Хүлээн авсан", "Шийдвэрлэж байна");
        Assertions.assertThat(shownText(task, "petitionText")).isEqualTo(p.text());
        // Tasklist renders the deployed Camunda Form the formRef names
        try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
            Assertions.assertThat(new ObjectMapper().readTree(form).get("id").asText()).isEqualTo("ResolvePetition");
        }

        Petition row = petitions.get(p.id());
        Assertions.assertThat(row.status()).isEqualTo(PetitionStatus.ASSIGNED);
        Assertions.assertThat(row.responsibleBody()).isEqualTo("sumber-health");
        Assertions.assertThat(row.dueAt()).isEqualTo(DUE);
        Assertions.assertThat(row.originalDueAt()).isEqualTo(DUE);
        Assertions.assertThat(row.overdue()).isFalse();

        List<OutboxMessage> sent = outbox.forPetition(p.id());
        Assertions.assertThat(sent).extracting(OutboxMessage::kind).containsExactly("ACKNOWLEDGED");
        OutboxMessage ack = sent.get(0);
        Assertions.assertThat(ack.channel()).isEqualTo("SMS");
        Assertions.assertThat(ack.recipient()).isEqualTo(PHONE);
        Assertions.assertThat(ack.status()).isEqualTo("PENDING");
        Assertions.assertThat(ack.body()).contains("Гомдлыг хүлээн авлаа", p.trackingCode(), DUE_TEXT);

        // who may see the case in Cockpit: the body, its head, the aimag's supervisors
        Assertions.assertThat(readers(pi)).contains(HEALTH_GROUP, SUPERVISORS).doesNotContain("body-sumber-land");
        Assertions.assertThat(userReaders(pi)).contains(SUMBER_HEAD);

        // the legal clock: the deadline timer fires at the due date, the reminder 5 days before
        Assertions.assertThat(timer(pi, Elements.DEADLINE_START).getDuedate()).isEqualTo(date(DUE));
        Assertions.assertThat(timer(pi, Elements.REMINDER_START).getDuedate()).isEqualTo(date(REMINDER));

        Assertions.assertThat(statuses(p)).containsExactly("RECEIVED", "ASSIGNED");
    }

    @Test
    void petitionNoRuleRoutesIsTriagedByTheSoumGovernorsOffice() {
        Petition p = submit(PetitionType.REQUEST, "OTHER", SUMBER);
        ProcessInstance pi = instance(p);
        executeDueJobs(pi);

        assertThat(pi).isWaitingAt(Elements.TRIAGE);
        assertThat(task(pi)).hasCandidateGroup(GOVERNOR_OFFICE_GROUP);
        Assertions.assertThat(petitions.get(p.id()).status()).isEqualTo(PetitionStatus.TRIAGE);
        Assertions.assertThat(readers(pi)).contains(GOVERNOR_OFFICE_GROUP);
        // the citizen has the code and the due date already: the clock runs from receipt, not from routing
        Assertions.assertThat(outbox.forPetition(p.id())).singleElement()
                .satisfies(m -> Assertions.assertThat(m.body()).contains(p.trackingCode(), DUE_TEXT));

        // a triage without a body is refused and the task stays
        Task triage = task(pi);
        taskService().claim(triage.getId(), GOVERNOR_OFFICE_OFFICIAL);
        assertThatThrownBy(() -> taskService().complete(triage.getId(), withVariables(Vars.ROUTED_BODY, "")))
                .satisfies(refusedWith("«Хариуцах байгууллага» (routedBody) талбарыг сонгоно уу"));
        assertThat(pi).isWaitingAt(Elements.TRIAGE);

        taskService().complete(triage.getId(),
                withVariables(Vars.ROUTED_BODY, "sumber-health", Vars.TRIAGE_NOTE, "Эмнэлгийн асуудал"));
        executeDueJobs(pi);

        assertThat(pi).isWaitingAt(Elements.RESOLVE);
        assertThat(task(pi)).hasCandidateGroup(HEALTH_GROUP).hasDueDate(date(DUE));
        Petition row = petitions.get(p.id());
        Assertions.assertThat(row.status()).isEqualTo(PetitionStatus.ASSIGNED);
        Assertions.assertThat(row.responsibleBody()).isEqualTo("sumber-health");
        PetitionEvent assigned = last(p, "ASSIGNED");
        Assertions.assertThat(assigned.actor()).isEqualTo(GOVERNOR_OFFICE_OFFICIAL);
        Assertions.assertThat(assigned.note()).startsWith("Ангилан хуваарилав");
        // the triage note is kept in the case history
        Assertions.assertThat(statuses(p)).containsExactly("RECEIVED", "TRIAGE", "NOTE", "ASSIGNED");
        Assertions.assertThat(last(p, "NOTE").note()).isEqualTo("Ангилалтын тэмдэглэл: Эмнэлгийн асуудал");
        Assertions.assertThat(last(p, "NOTE").actor()).isEqualTo(GOVERNOR_OFFICE_OFFICIAL);
    }

    @Test
    void aPlaceNamedInTheTextRoutesAPetitionThatCameWithoutOne() {
        Petition p = submit(PetitionType.COMPLAINT, "HEALTH", null, "Сүмбэр сумын 3-р багт эмч ирэхгүй байна");
        ProcessInstance pi = instance(p);
        executeDueJobs(pi);

        Petition row = petitions.get(p.id());
        Assertions.assertThat(row.soumCode()).isEqualTo("govisumber.sumber");
        Assertions.assertThat(row.bagCode()).isEqualTo("govisumber.sumber.3");
        assertThat(pi).isWaitingAt(Elements.RESOLVE);
        assertThat(task(pi)).hasCandidateGroup(HEALTH_GROUP);
    }

    @Test
    void petitionWithoutAKnownPlaceGoesToTheClerks() {
        Petition p = submit(PetitionType.COMPLAINT, "HEALTH", null, "Эрүүл мэндийн төвд эмч байхгүй байна");
        ProcessInstance pi = instance(p);
        executeDueJobs(pi);

        assertThat(pi).isWaitingAt(Elements.TRIAGE);
        assertThat(task(pi)).hasCandidateGroup("clerks");
        Assertions.assertThat(readers(pi)).contains("clerks");
        Petition row = petitions.get(p.id());
        Assertions.assertThat(row.status()).isEqualTo(PetitionStatus.TRIAGE);
        Assertions.assertThat(row.responsibleBody()).isNull();
    }

    // ------------------------------------------------------------------------------------------------ answer

    @Test
    void answeredAndRatedFourIsClosed() {
        ProcessInstance pi = routedToHealth();
        Petition p = petition(pi);

        resolve(pi, HEALTH_OFFICIAL, Vars.RESOLVE_ACTION, Values.ACTION_ANSWER,
                Vars.ANSWER_TEXT, "Эмч 3 дугаар сард ирж ажиллана.", Vars.OUTCOME, "RESOLVED");
        executeDueJobs(pi);

        assertThat(pi).isWaitingAt(Elements.AWAIT_RATING).hasPassed(Elements.END_RESOLVED, Elements.ANSWER);
        awaitsMessageAndTimer(pi, PetitionHandlingProcess.Messages.CITIZEN_RATED, Elements.RATING_TIMEOUT);
        Petition answered = petitions.get(p.id());
        Assertions.assertThat(answered.status()).isEqualTo(PetitionStatus.ANSWERED);
        Assertions.assertThat(answered.answer()).isEqualTo("Эмч 3 дугаар сард ирж ажиллана.");
        Assertions.assertThat(answered.outcome()).isEqualTo("RESOLVED");
        OutboxMessage answer = only(p, "ANSWERED");
        Assertions.assertThat(answer.recipient()).isEqualTo(PHONE);
        Assertions.assertThat(answer.body()).contains(p.trackingCode(), "Эмч 3 дугаар сард ирж ажиллана.", "1-5");
        Assertions.assertThat(last(p, "ANSWERED").actor()).isEqualTo(HEALTH_OFFICIAL);

        // the citizen's bare "4" from the same phone finds the petition and rates it
        Assertions.assertThat(intake.awaitingRating(Channel.SMS, PHONE)).map(Petition::id).contains(p.id());
        IntakeResult rated = intake.rate(Channel.SMS, messageId(), PHONE, answered, 4);
        Assertions.assertThat(rated).isInstanceOf(Recorded.class);
        executeDueJobs(pi);

        assertThat(pi).isEnded().hasPassed(Elements.RECORD_RATING, Elements.CLOSE, Elements.END_CLOSED)
                .hasNotPassed(Elements.REVIEW_LOW_RATING);
        Petition closed = petitions.get(p.id());
        Assertions.assertThat(closed.status()).isEqualTo(PetitionStatus.CLOSED);
        Assertions.assertThat(closed.rating()).isEqualTo(4);
        Assertions.assertThat(closed.closedAt()).isNotNull();
        Assertions.assertThat(only(p, "RATED").body()).contains("хаагдлаа");
        Assertions.assertThat(last(p, "CLOSED").note()).isEqualTo("Иргэний үнэлгээ: 4");
        Assertions.assertThat(statuses(p)).containsExactly("RECEIVED", "ASSIGNED", "ANSWERED", "RATED", "CLOSED");
    }

    @Test
    void answerWithoutTextIsRefusedAndTheTaskStays() {
        ProcessInstance pi = routedToHealth();
        Task task = task(Elements.RESOLVE, pi);
        taskService().claim(task.getId(), HEALTH_OFFICIAL);

        assertThatThrownBy(() -> taskService().complete(task.getId(), withVariables(
                Vars.RESOLVE_ACTION, Values.ACTION_ANSWER, Vars.ANSWER_TEXT, "  ", Vars.OUTCOME, "RESOLVED")))
                .satisfies(refusedWith("Хариуны текст"));

        assertThat(pi).isWaitingAt(Elements.RESOLVE);
        Assertions.assertThat(task(Elements.RESOLVE, pi).getId()).isEqualTo(task.getId());
        Assertions.assertThat(outbox.forPetition(petition(pi).id())).extracting(OutboxMessage::kind)
                .containsExactly("ACKNOWLEDGED");
    }

    // ------------------------------------------------------------------------------------------------ transfer

    @Test
    void transferToTheLandOfficeKeepsTheDueDateAndMovesAccess() {
        ProcessInstance pi = routedToHealth();
        Petition p = petition(pi);
        Assertions.assertThat(readers(pi)).contains(HEALTH_GROUP);

        resolve(pi, HEALTH_OFFICIAL, Vars.RESOLVE_ACTION, Values.ACTION_TRANSFER,
                Vars.TRANSFER_BODY, "sumber-land", Vars.TRANSFER_REASON, "Газрын маргаан байна");
        executeDueJobs(pi);

        assertThat(pi).isWaitingAt(Elements.RESOLVE).hasPassed(Elements.TRANSFER);
        assertThat(task(Elements.RESOLVE, pi)).hasCandidateGroup("body-sumber-land").isNotAssigned()
                .hasDueDate(date(DUE));
        Assertions.assertThat(taskService().getIdentityLinksForTask(task(Elements.RESOLVE, pi).getId()))
                .noneMatch(l -> HEALTH_GROUP.equals(l.getGroupId()));
        Petition row = petitions.get(p.id());
        Assertions.assertThat(row.responsibleBody()).isEqualTo("sumber-land");
        Assertions.assertThat(row.status()).isEqualTo(PetitionStatus.TRANSFERRED);
        Assertions.assertThat(row.dueAt()).isEqualTo(DUE);

        OutboxMessage transferred = only(p, "TRANSFERRED");
        Assertions.assertThat(transferred.body()).contains(p.trackingCode(), "Газрын алба", DUE_TEXT);

        // the health centre no longer sees the case; the land office and the supervisors do
        Assertions.assertThat(readers(pi)).doesNotContain(HEALTH_GROUP).contains("body-sumber-land", SUPERVISORS);
        Assertions.assertThat(last(p, "TRANSFERRED").note()).contains("Газрын маргаан байна");
        Assertions.assertThat(last(p, "TRANSFERRED").actor()).isEqualTo(HEALTH_OFFICIAL);
    }

    // ------------------------------------------------------------------------------------------------ extension

    @Test
    void extensionApprovedByTheHeadMovesTheDueDateAndTheTimers() {
        ProcessInstance pi = routedToHealth();
        Petition p = petition(pi);

        resolve(pi, HEALTH_OFFICIAL, Vars.RESOLVE_ACTION, Values.ACTION_EXTEND);
        executeDueJobs(pi);

        assertThat(pi).isWaitingAt(Elements.REQUEST_EXTENSION);
        assertThat(task(pi)).isAssignedTo(HEALTH_OFFICIAL).hasCandidateGroupAssociated(HEALTH_GROUP).hasDueDate(date(DUE));

        // more than the law allows is refused by the form's check
        Task request = task(pi);
        assertThatThrownBy(() -> taskService().complete(request.getId(), withVariables(
                Vars.EXTENSION_DAYS, 31L, Vars.EXTENSION_REASON, "Шинжилгээ")))
                .satisfies(refusedWith("(extensionDays) талбарын утга хамгийн ихдээ 30"));

        taskService().complete(request.getId(), withVariables(
                Vars.EXTENSION_DAYS, 20L, Vars.EXTENSION_REASON, "Лабораторийн шинжилгээ хүлээж байна"));
        executeDueJobs(pi);

        assertThat(pi).isWaitingAt(Elements.APPROVE_EXTENSION);
        assertThat(task(pi)).isAssignedTo(SUMBER_HEAD);
        taskService().complete(task(pi).getId(), withVariables(
                Vars.EXTENSION_DECISION, Values.EXTENSION_APPROVE, Vars.APPROVAL_NOTE, "Зөвшөөрөв"));
        executeDueJobs(pi);

        OffsetDateTime extended = DUE.plusDays(20);
        assertThat(pi).isWaitingAt(Elements.RESOLVE).hasPassed(Elements.EXTEND);
        assertThat(task(Elements.RESOLVE, pi)).hasCandidateGroup(HEALTH_GROUP).hasDueDate(date(extended));
        Petition row = petitions.get(p.id());
        Assertions.assertThat(row.dueAt()).isEqualTo(extended);
        Assertions.assertThat(row.originalDueAt()).isEqualTo(DUE);
        Assertions.assertThat(row.extensionDays()).isEqualTo(20);
        Assertions.assertThat(row.status()).isEqualTo(PetitionStatus.EXTENDED);
        Assertions.assertThat(last(p, "EXTENDED").actor()).isEqualTo(SUMBER_HEAD);

        // the waiting timers now fire from the new date
        Assertions.assertThat(timer(pi, Elements.DEADLINE_START).getDuedate()).isEqualTo(date(extended));
        Assertions.assertThat(timer(pi, Elements.REMINDER_START).getDuedate()).isEqualTo(date(extended.minusDays(5)));

        OutboxMessage sms = only(p, "EXTENDED");
        Assertions.assertThat(sms.body()).contains(p.trackingCode(), "2026.04.21", "Лабораторийн шинжилгээ");

        // the law allows one extension: a second EXTEND is refused and the official stays on the task
        Task again = task(Elements.RESOLVE, pi);
        taskService().claim(again.getId(), HEALTH_OFFICIAL);
        assertThatThrownBy(() -> taskService().complete(again.getId(),
                withVariables(Vars.RESOLVE_ACTION, Values.ACTION_EXTEND)))
                .satisfies(refusedWith("нэг удаа"));
        assertThat(pi).isWaitingAt(Elements.RESOLVE);
        Assertions.assertThat(task(Elements.RESOLVE, pi).getId()).isEqualTo(again.getId());
    }

    @Test
    void extensionRefusedLeavesTheDueDateAndReturnsToTheOfficial() {
        ProcessInstance pi = routedToHealth();
        Petition p = petition(pi);

        resolve(pi, HEALTH_OFFICIAL, Vars.RESOLVE_ACTION, Values.ACTION_EXTEND);
        executeDueJobs(pi);
        taskService().complete(task(pi).getId(), withVariables(
                Vars.EXTENSION_DAYS, 10L, Vars.EXTENSION_REASON, "Ажлын ачаалал"));
        executeDueJobs(pi);
        assertThat(task(pi)).isAssignedTo(SUMBER_HEAD);
        taskService().complete(task(pi).getId(), withVariables(
                Vars.EXTENSION_DECISION, Values.EXTENSION_REFUSE, Vars.APPROVAL_NOTE, "Хугацаандаа шийднэ үү"));
        executeDueJobs(pi);

        assertThat(pi).isWaitingAt(Elements.RESOLVE).hasPassed(Elements.REFUSE_EXTENSION)
                .hasNotPassed(Elements.EXTEND);
        assertThat(task(Elements.RESOLVE, pi)).hasCandidateGroup(HEALTH_GROUP).hasDueDate(date(DUE));
        Petition row = petitions.get(p.id());
        Assertions.assertThat(row.dueAt()).isEqualTo(DUE);
        Assertions.assertThat(row.extensionDays()).isNull();
        Assertions.assertThat(timer(pi, Elements.DEADLINE_START).getDuedate()).isEqualTo(date(DUE));
        Assertions.assertThat(outbox.forPetition(p.id())).extracting(OutboxMessage::kind)
                .containsExactly("ACKNOWLEDGED");
        PetitionEvent note = last(p, "NOTE");
        Assertions.assertThat(note.actor()).isEqualTo(SUMBER_HEAD);
        Assertions.assertThat(note.note()).contains("татгалзав", "Хугацаандаа шийднэ үү");
    }

    // ------------------------------------------------------------------------------------------------ time

    @Test
    void reminderRaisesThePriorityAndTheDeadlineCallsTheSupervisorsWhileTheBodyKeepsTheCase() {
        ProcessInstance pi = routedToHealth();
        Petition p = petition(pi);
        Assertions.assertThat(task(Elements.RESOLVE, pi).getPriority()).isEqualTo(50);

        ClockUtil.setCurrentTime(date(REMINDER.plusMinutes(1)));
        Assertions.assertThat(dueJobs(pi)).extracting(Job::getId)
                .containsExactly(timer(pi, Elements.REMINDER_START).getId());
        executeDueJobs(pi);

        assertThat(pi).hasPassed(Elements.REMIND).isWaitingAt(Elements.RESOLVE);
        Assertions.assertThat(task(Elements.RESOLVE, pi).getPriority()).isEqualTo(75);
        Assertions.assertThat(last(p, "NOTE").note()).startsWith("Сануулга");
        Assertions.assertThat(petitions.get(p.id()).overdue()).isFalse();

        ClockUtil.setCurrentTime(date(DUE.plusMinutes(1)));
        Assertions.assertThat(dueJobs(pi)).extracting(Job::getId)
                .containsExactly(timer(pi, Elements.DEADLINE_START).getId());
        executeDueJobs(pi);

        assertThat(pi).hasPassed(Elements.MARK_OVERDUE).isWaitingAt(Elements.RESOLVE, Elements.REVIEW_OVERDUE);
        Assertions.assertThat(petitions.get(p.id()).overdue()).isTrue();
        Assertions.assertThat(last(p, "OVERDUE").actor()).isEqualTo(PetitionService.ACTOR_SYSTEM);
        Task resolve = task(Elements.RESOLVE, pi);
        Assertions.assertThat(resolve.getPriority()).isEqualTo(100);
        assertThat(resolve).hasCandidateGroup(HEALTH_GROUP);
        assertThat(task(Elements.REVIEW_OVERDUE, pi)).hasCandidateGroup(SUPERVISORS).isNotAssigned();
        Assertions.assertThat(formService().getTaskFormVariables(task(Elements.REVIEW_OVERDUE, pi).getId())
                .get("reviewReasonText").toString()).contains(DUE_TEXT);
        // the resolve task's form now shows the case as it is: overdue
        Assertions.assertThat(formService().getTaskFormVariables(resolve.getId()).get("dueDateText").toString())
                .isEqualTo(DUE_TEXT + " (ХЭТЭРСЭН)");

        // past the legal date an extension is no longer possible
        taskService().claim(resolve.getId(), HEALTH_OFFICIAL);
        assertThatThrownBy(() -> taskService().complete(resolve.getId(),
                withVariables(Vars.RESOLVE_ACTION, Values.ACTION_EXTEND)))
                .satisfies(refusedWith("хэтэрсэн"));

        // the answer ends the resolution: the terminate end event cancels the supervisors' review
        taskService().complete(resolve.getId(), withVariables(Vars.RESOLVE_ACTION, Values.ACTION_ANSWER,
                Vars.ANSWER_TEXT, "Хариу хоцорсонд уучлаарай. Эм ирлээ.", Vars.OUTCOME, "RESOLVED"));
        executeDueJobs(pi);

        assertThat(pi).isWaitingAt(Elements.AWAIT_RATING).hasPassed(Elements.END_RESOLVED);
        Assertions.assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        Assertions.assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(Elements.REVIEW_OVERDUE).singleResult().getDeleteReason()).isNotEqualTo("completed");
        Assertions.assertThat(only(p, "ANSWERED").body()).contains("Эм ирлээ");
    }

    /**
     * What the forms show of the case (TaskDetails) is read from our tables when a form is opened: no task holds a
     * copy, so no copy is in Camunda's history either (the case record is in our tables) and a deadline that
     * creates a review task writes none (README "The deadline storm"). The process's own variables and the task
     * itself are still history.
     */
    @Test
    void theFormsShowTheCaseAsItIsAndNoTaskHoldsACopy() {
        ProcessInstance pi = routedToHealth();
        Task resolve = task(Elements.RESOLVE, pi);
        Assertions.assertThat(taskService().getVariablesLocal(resolve.getId())).isEmpty();
        Assertions.assertThat(runtimeService().createVariableInstanceQuery().processInstanceIdIn(pi.getId()).list())
                .extracting(VariableInstance::getName).doesNotContain("petitionText", "citizenContact", CaseHistory.FORM_FIELD,
                        "dueDateText", "bodyOptions");
        Assertions.assertThat(formService().getTaskFormVariables(resolve.getId()))
                .containsKeys("petitionText", "citizenContact", CaseHistory.FORM_FIELD, "bodyOptions");
        // a value asked for by name, as the REST API's variableNames does
        Assertions.assertThat(formService().getTaskFormVariables(resolve.getId(), List.of("citizenContact"), true))
                .containsOnlyKeys("citizenContact");

        Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().taskIdIn(resolve.getId()).list())
                .isEmpty();
        Assertions.assertThat(historyService().createHistoricDetailQuery().taskId(resolve.getId()).list()).isEmpty();
        Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .list()).isNotEmpty().allSatisfy(v -> Assertions.assertThat(v.getTaskId()).isNull());
        Assertions.assertThat(historyService().createHistoricTaskInstanceQuery().taskId(resolve.getId()).count())
                .isOne();
        Assertions.assertThat(shownText(resolve, "petitionText")).isEqualTo(petition(pi).text());

        // what happens to the case after the task was created is on its form the next time it is opened
        petitions.followUp(petition(pi).id(), Channel.SMS, "Эмийн сан хаалттай хэвээр байна.", 0);
        Assertions.assertThat(shownText(resolve, CaseHistory.FORM_FIELD)).contains("Эмийн сан хаалттай хэвээр");
    }

    // ------------------------------------------------------------------------------------------------ more info

    @Test
    void moreInformationFromTheCitizenComesBackToTheOfficial() {
        ProcessInstance pi = routedToHealth();
        Petition p = petition(pi);

        resolve(pi, HEALTH_OFFICIAL, Vars.RESOLVE_ACTION, Values.ACTION_MORE_INFO,
                Vars.INFORMATION_QUESTION, "Аль эмчийн тухай бичсэн бэ?");
        executeDueJobs(pi);

        assertThat(pi).isWaitingAt(Elements.AWAIT_INFORMATION);
        awaitsMessageAndTimer(pi, PetitionHandlingProcess.Messages.INFORMATION_RECEIVED, Elements.INFORMATION_TIMEOUT);
        Assertions.assertThat(petitions.get(p.id()).status()).isEqualTo(PetitionStatus.WAITING_FOR_CITIZEN);
        OutboxMessage question = only(p, "INFORMATION_REQUESTED");
        Assertions.assertThat(question.recipient()).isEqualTo(PHONE);
        Assertions.assertThat(question.body()).contains(p.trackingCode(), "Аль эмчийн тухай бичсэн бэ?", "14 хоног");

        // the citizen's bare reply from the same phone
        Petition waiting = intake.awaitingInformation(Channel.SMS, PHONE).orElseThrow();
        Assertions.assertThat(waiting.id()).isEqualTo(p.id());
        IntakeResult reply = intake.provideInformation(Channel.SMS, messageId(), PHONE, waiting,
                "Шүдний эмч Батаагийн тухай");
        Assertions.assertThat(reply).isInstanceOf(Recorded.class);
        executeDueJobs(pi);

        assertThat(pi).isWaitingAt(Elements.RESOLVE).hasNotPassed(Elements.RECORD_INFORMATION_TIMEOUT);
        assertThat(task(Elements.RESOLVE, pi)).hasCandidateGroup(HEALTH_GROUP).hasDueDate(date(DUE));
        // the reply is in the case history only, never in a process variable
        assertThat(pi).variables().doesNotContainKey("citizenInformation");
        Assertions.assertThat(petitions.get(p.id()).status()).isEqualTo(PetitionStatus.ASSIGNED);
        Assertions.assertThat(petitions.history(p.id())).anySatisfy(e -> {
            Assertions.assertThat(e.actor()).isEqualTo(PetitionService.ACTOR_CITIZEN);
            Assertions.assertThat(e.note()).isEqualTo("Шүдний эмч Батаагийн тухай");
        });
        Assertions.assertThat(shownText(task(Elements.RESOLVE, pi), "caseHistory"))
                .contains("Шүдний эмч Батаагийн тухай");
    }

    @Test
    void moreInformationNotGivenWithin14DaysReturnsToTheOfficial() {
        ProcessInstance pi = routedToHealth();
        Petition p = petition(pi);
        resolve(pi, HEALTH_OFFICIAL, Vars.RESOLVE_ACTION, Values.ACTION_MORE_INFO,
                Vars.INFORMATION_QUESTION, "Хаана болсон бэ?");
        executeDueJobs(pi);
        Job timeout = timer(pi, Elements.INFORMATION_TIMEOUT);
        Assertions.assertThat(timeout.getDuedate()).isEqualTo(date(T0.plusDays(14)));

        ClockUtil.setCurrentTime(date(T0.plusDays(14).plusMinutes(1)));
        executeDueJobs(pi);

        assertThat(pi).isWaitingAt(Elements.RESOLVE).hasPassed(Elements.RECORD_INFORMATION_TIMEOUT)
                .hasNotPassed(Elements.INFORMATION_RECEIVED);
        Assertions.assertThat(petitions.get(p.id()).status()).isEqualTo(PetitionStatus.ASSIGNED);
        Assertions.assertThat(last(p, "ASSIGNED").note()).contains("нэмэлт мэдээлэл ирүүлээгүй");
        // a late reply finds nothing waiting for it
        IntakeResult late = intake.provideInformation(Channel.SMS, messageId(), PHONE, petitions.get(p.id()),
                "Хоцорсон хариу");
        Assertions.assertThat(late).isInstanceOfSatisfying(Rejected.class,
                r -> Assertions.assertThat(r.reason()).isEqualTo(Reason.NOT_AWAITING_INFORMATION));
        assertThat(pi).isWaitingAt(Elements.RESOLVE);
    }

    // ------------------------------------------------------------------------------------------------ rating

    @Test
    void lowRatingReopenedGivesTheBodyANewDueDate() {
        ProcessInstance pi = answered();
        Petition p = petition(pi);

        intake.rate(Channel.SMS, messageId(), PHONE, petitions.get(p.id()), 2);
        executeDueJobs(pi);

        assertThat(pi).isWaitingAt(Elements.REVIEW_LOW_RATING);
        assertThat(task(pi)).hasCandidateGroup(SUPERVISORS);
        Assertions.assertThat(petitions.get(p.id()).rating()).isEqualTo(2);
        Assertions.assertThat(only(p, "RATED").body()).contains("дахин хянана");

        OffsetDateTime reviewed = T0.plusDays(3);
        ClockUtil.setCurrentTime(date(reviewed));
        taskService().claim(task(pi).getId(), SUPERVISOR);
        taskService().complete(task(pi).getId(), withVariables(
                Vars.REVIEW_DECISION, Values.REVIEW_REOPEN, Vars.REVIEW_NOTE, "Хариу бүрэн бус"));
        executeDueJobs(pi);

        OffsetDateTime newDue = OffsetDateTime.of(2026, 3, 20, 23, 59, 59, 0, ZoneOffset.ofHours(8));
        assertThat(pi).isWaitingAt(Elements.RESOLVE).hasPassed(Elements.REOPEN);
        assertThat(task(Elements.RESOLVE, pi)).hasCandidateGroup(HEALTH_GROUP).hasDueDate(date(newDue));
        Petition row = petitions.get(p.id());
        Assertions.assertThat(row.status()).isEqualTo(PetitionStatus.REOPENED);
        Assertions.assertThat(row.dueAt()).isEqualTo(newDue);
        Assertions.assertThat(last(p, "REOPENED").actor()).isEqualTo(SUPERVISOR);
        Assertions.assertThat(only(p, "REOPENED").body()).contains(p.trackingCode(), "2026.03.20");
        Assertions.assertThat(timer(pi, Elements.DEADLINE_START).getDuedate()).isEqualTo(date(newDue));

        // the second answer is a new message, not swallowed by the first one's key
        resolve(pi, HEALTH_OFFICIAL, Vars.RESOLVE_ACTION, Values.ACTION_ANSWER,
                Vars.ANSWER_TEXT, "Дахин шалгаад эмчийг сольсон.", Vars.OUTCOME, "RESOLVED");
        executeDueJobs(pi);
        assertThat(pi).isWaitingAt(Elements.AWAIT_RATING);
        Assertions.assertThat(outbox.forPetition(p.id())).filteredOn(m -> m.kind().equals("ANSWERED"))
                .extracting(OutboxMessage::body).hasSize(2).last().asString().contains("эмчийг сольсон");
    }

    @Test
    void lowRatingConfirmedBySupervisorIsClosed() {
        ProcessInstance pi = answered();
        Petition p = petition(pi);
        intake.rate(Channel.SMS, messageId(), PHONE, petitions.get(p.id()), 1);
        executeDueJobs(pi);
        assertThat(pi).isWaitingAt(Elements.REVIEW_LOW_RATING);

        taskService().claim(task(pi).getId(), SUPERVISOR);
        taskService().complete(task(pi).getId(), withVariables(
                Vars.REVIEW_DECISION, Values.REVIEW_CLOSE, Vars.REVIEW_NOTE, "Хариу хуульд нийцсэн"));
        executeDueJobs(pi);

        assertThat(pi).isEnded().hasPassed(Elements.CLOSE, Elements.END_CLOSED).hasNotPassed(Elements.REOPEN);
        Petition row = petitions.get(p.id());
        Assertions.assertThat(row.status()).isEqualTo(PetitionStatus.CLOSED);
        Assertions.assertThat(row.rating()).isEqualTo(1);
        PetitionEvent closed = last(p, "CLOSED");
        Assertions.assertThat(closed.actor()).isEqualTo(SUPERVISOR);
        Assertions.assertThat(closed.note()).isEqualTo("Иргэний үнэлгээ: 1. Хяналт: Хариу хуульд нийцсэн");
        Assertions.assertThat(outbox.forPetition(p.id())).extracting(OutboxMessage::kind)
                .containsExactly("ACKNOWLEDGED", "ANSWERED", "RATED");
    }

    @Test
    void noRatingWithinSevenDaysClosesWithoutRating() {
        ProcessInstance pi = answered();
        Petition p = petition(pi);
        Assertions.assertThat(timer(pi, Elements.RATING_TIMEOUT).getDuedate()).isEqualTo(date(T0.plusDays(7)));

        ClockUtil.setCurrentTime(date(T0.plusDays(7).plusMinutes(1)));
        executeDueJobs(pi);

        assertThat(pi).isEnded().hasPassed(Elements.RATING_TIMEOUT, Elements.END_CLOSED)
                .hasNotPassed(Elements.RECORD_RATING);
        Petition row = petitions.get(p.id());
        Assertions.assertThat(row.status()).isEqualTo(PetitionStatus.CLOSED);
        Assertions.assertThat(row.rating()).isNull();
        Assertions.assertThat(last(p, "CLOSED").note()).isEqualTo("Үнэлгээ ирээгүй тул хаав");
        IntakeResult late = intake.rate(Channel.SMS, messageId(), PHONE, row, 5);
        Assertions.assertThat(late).isInstanceOfSatisfying(Rejected.class,
                r -> Assertions.assertThat(r.reason()).isEqualTo(Reason.NOT_AWAITING_RATING));
    }

    // ------------------------------------------------------------------------------------------------ DMN only

    /**
     * A value PetitionDeadlines.dmn decides comes from the DMN only: a version without it stops the case with an
     * incident that names the decision and the output (no Java default of 30 days), and the case goes on once the
     * process owner has deployed the value and retried.
     */
    @Test
    void aDeadlinesTableWithoutTheExtensionLimitIsAnIncidentNamingTheDecisionAndTheOutput() throws IOException {
        String broken = deadlinesDmn().replace("""
                <outputEntry id="OutputEntry_Complaint_maxExtensionDays">
                          <text>30</text>""", """
                <outputEntry id="OutputEntry_Complaint_maxExtensionDays">
                          <text></text>""");
        Assertions.assertThat(broken).isNotEqualTo(deadlinesDmn());
        String deployment = deployDeadlines(broken);
        ProcessInstance pi;
        try {
            pi = instance(submit(PetitionType.COMPLAINT, "HEALTH", SUMBER));
            Job job = dueJobs(pi).get(0);
            managementService().setJobRetries(job.getId(), 1);
            assertThatThrownBy(() -> managementService().executeJob(job.getId()))
                    .hasMessageContaining(PetitionHandlingProcess.DECISION_DEADLINES)
                    .hasMessageContaining(Vars.MAX_EXTENSION_DAYS);
            Incident incident = runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
            Assertions.assertThat(incident).as("an incident in Cockpit").isNotNull();
            Assertions.assertThat(incident.getIncidentMessage()).contains(PetitionHandlingProcess.DECISION_DEADLINES,
                    Vars.MAX_EXTENSION_DAYS, "COMPLAINT");
            assertThat(pi).isWaitingAt(Elements.START).variables().doesNotContainKey(Vars.MAX_EXTENSION_DAYS);
            Assertions.assertThat(petitions.get(petition(pi).id()).dueAt()).as("no made-up due date").isNull();
        } finally {
            repositoryService().deleteDeployment(deployment, true);
        }
        // the table fixed (here: the broken version removed, the original is the latest again) and the job retried
        managementService().setJobRetries(dueJobsOrFailed(pi).getId(), 1);
        executeDueJobs(pi);
        assertThat(pi).isWaitingAt(Elements.RESOLVE).variables().containsEntry(Vars.MAX_EXTENSION_DAYS, 30);
    }

    /** The low-rating threshold is the DMN's: raised to 3 there, a 3 goes to the supervisor. */
    @Test
    void theLowRatingThresholdIsTheDeadlinesTables() throws IOException {
        String raised = deadlinesDmn().replace("""
                <outputEntry id="OutputEntry_Complaint_lowRatingThreshold">
                          <text>2</text>""", """
                <outputEntry id="OutputEntry_Complaint_lowRatingThreshold">
                          <text>3</text>""");
        Assertions.assertThat(raised).isNotEqualTo(deadlinesDmn());
        String deployment = deployDeadlines(raised);
        try {
            ProcessInstance pi = answered();
            Petition p = petition(pi);
            intake.rate(Channel.SMS, messageId(), PHONE, petitions.get(p.id()), 3);
            executeDueJobs(pi);
            assertThat(pi).isWaitingAt(Elements.REVIEW_LOW_RATING);
            Assertions.assertThat(petitions.get(p.id()).status()).isEqualTo(PetitionStatus.UNDER_REVIEW);
            Assertions.assertThat(only(p, "RATED").body()).contains("дахин хянана");
        } finally {
            repositoryService().deleteDeployment(deployment, true);
        }
    }

    private static String deadlinesDmn() throws IOException {
        return java.nio.file.Files.readString(java.nio.file.Path.of("processes/petitions/PetitionDeadlines.dmn"));
    }

    private static String deployDeadlines(String xml) {
        return repositoryService().createDeployment().name("PetitionDeadlines test")
                .addString("PetitionDeadlines.dmn", xml).deploy().getId();
    }

    /** The instance's one job, due or failed (a failed job has no retries left and is not executable). */
    private static Job dueJobsOrFailed(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    }

    // ------------------------------------------------------------------------------------------------ thanks

    @Test
    void thanksArePassedOnToTheBodyWithoutADueDate() {
        Petition p = submit(PetitionType.THANKS, "HEALTH", SUMBER);
        ProcessInstance pi = instance(p);
        executeDueJobs(pi);

        assertThat(pi).isWaitingAt(Elements.READ_THANKS);
        assertThat(task(pi)).hasCandidateGroup(HEALTH_GROUP);
        Assertions.assertThat(task(pi).getDueDate()).isNull();
        Assertions.assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
        Assertions.assertThat(petitions.get(p.id()).dueAt()).isNull();
        Assertions.assertThat(only(p, "ACKNOWLEDGED").body()).contains("Талархлыг", p.trackingCode());

        taskService().claim(task(pi).getId(), HEALTH_OFFICIAL);
        taskService().complete(task(pi).getId(), withVariables(Vars.THANKS_READ, true));
        executeDueJobs(pi);

        assertThat(pi).isEnded().hasPassed(Elements.CLOSE_THANKS, Elements.END_THANKS)
                .hasNotPassed(Elements.RESOLUTION);
        Petition closed = petitions.get(p.id());
        Assertions.assertThat(closed.status()).isEqualTo(PetitionStatus.CLOSED);
        Assertions.assertThat(closed.closedAt()).isNotNull();
        Assertions.assertThat(petitions.history(p.id())).last()
                .satisfies(e -> Assertions.assertThat(e.note()).isEqualTo("Талархлыг байгууллагад уламжилсан"));
    }

    // ------------------------------------------------------------------------------------------------ intake

    @Test
    void theSameMessageTwiceMakesOnePetition() {
        NewPetition message = new NewPetition(Channel.WEB, "open311-" + UUID.randomUUID(), PetitionType.COMPLAINT,
                "Сургуулийн халаалт ажиллахгүй байна", PHONE, null, null, "Дорж", "EDUCATION", SUMBER, null);

        IntakeResult first = intake.submit(message);
        IntakeResult second = intake.submit(message);

        Assertions.assertThat(first).isInstanceOfSatisfying(PetitionAccepted.class,
                a -> Assertions.assertThat(a.duplicate()).isFalse());
        Assertions.assertThat(second).isInstanceOfSatisfying(PetitionAccepted.class,
                a -> Assertions.assertThat(a.duplicate()).isTrue());
        Petition p = ((PetitionAccepted) first).petition();
        Assertions.assertThat(((PetitionAccepted) second).petition().id()).isEqualTo(p.id());
        Assertions.assertThat(runtimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(p.trackingCode()).count()).isEqualTo(1);

        ProcessInstance pi = instance(p);
        executeDueJobs(pi);
        assertThat(pi).isWaitingAt(Elements.RESOLVE);
        assertThat(task(pi)).hasCandidateGroup("body-sumber-education");
        Assertions.assertThat(outbox.forPetition(p.id())).extracting(OutboxMessage::kind)
                .containsExactly("ACKNOWLEDGED");
    }

    /**
     * A side effect done twice must be said once. Two real ways the acknowledgement runs more than once:
     * <ol>
     * <li>the job that writes it fails later in the same transaction (here: granting the body access throws, after
     * the outbox row was written) and the engine retries it: each failed attempt rolls the row back with everything
     * else, the engine counts down the retries, the attempt that commits writes it once;</li>
     * <li>an operator restarts the case before the acknowledgement (Cockpit's process instance modification, e.g.
     * after fixing routing data): the delegate really runs a second time in a committed transaction, and only the
     * outbox key {@code petition:<id>:ACKNOWLEDGED} keeps the citizen from a second SMS.</li>
     * </ol>
     */
    @Test
    void aJobRetriedTwiceAndRestartedStillYieldsOneAcknowledgement() {
        Petition p = submit(PetitionType.COMPLAINT, "HEALTH", SUMBER);
        ProcessInstance pi = instance(p);
        doThrow(new IllegalStateException("injected: authorization store unavailable"))
                .when(caseAccess).grantGroup(eq(pi.getId()), anyString());

        Job job = dueJobs(pi).get(0);
        Assertions.assertThat(job.getRetries()).isEqualTo(3);
        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThatThrownBy(() -> managementService().executeJob(job.getId()))
                    .hasMessageContaining("injected: authorization store unavailable");
            Job failed = managementService().createJobQuery().jobId(job.getId()).singleResult();
            Assertions.assertThat(failed.getRetries()).isEqualTo(3 - attempt);
            Assertions.assertThat(failed.getExceptionMessage()).contains("injected");
            // the acknowledgement ran (Task_AcknowledgeCitizen is before Task_AssignBody) and was rolled back
            Assertions.assertThat(outbox.forPetition(p.id())).isEmpty();
            Assertions.assertThat(petitions.get(p.id()).dueAt()).isNull();
        }
        Mockito.reset(caseAccess);

        // the retry (the engine would run it after the retry wait; the test runs it now)
        managementService().executeJob(job.getId());
        assertThat(pi).isWaitingAt(Elements.RESOLVE);
        Assertions.assertThat(outbox.forPetition(p.id())).extracting(OutboxMessage::kind)
                .containsExactly("ACKNOWLEDGED");

        // restart from the acknowledgement; the old resolution is cancelled after the new one starts
        String oldResolution = runtimeService().getActivityInstance(pi.getId())
                .getActivityInstances(Elements.RESOLUTION)[0].getId();
        runtimeService().createProcessInstanceModification(pi.getId())
                .startBeforeActivity(Elements.ACKNOWLEDGE)
                .cancelActivityInstance(oldResolution)
                .execute();
        executeDueJobs(pi);

        Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(Elements.ACKNOWLEDGE).finished().count()).isEqualTo(2);
        assertThat(pi).isWaitingAt(Elements.RESOLVE);
        assertThat(task(Elements.RESOLVE, pi)).hasCandidateGroup(HEALTH_GROUP).hasDueDate(date(DUE));
        List<OutboxMessage> sent = outbox.forPetition(p.id());
        Assertions.assertThat(sent).extracting(OutboxMessage::kind).containsExactly("ACKNOWLEDGED");
        Assertions.assertThat(sent.get(0).messageKey()).isEqualTo("petition:" + p.id() + ":ACKNOWLEDGED");
    }

    /**
     * Someone who learnt a citizen's tracking code texts it from their own phone: it neither joins that case, nor
     * tells its status, nor says whether it exists (the answer is the one an unknown code gets); it is the sender's
     * own new petition, linked to nothing.
     */
    @Test
    void aCodeSentFromAnotherPhoneNeitherJoinsTheCaseNorRevealsIt() {
        ProcessInstance pi = routedToHealth();
        Petition victim = petition(pi);
        String attacker = "97688001122";

        IntakeResult joined = intake.receive(InboundMessage.of(Channel.SMS, messageId(), attacker,
                victim.trackingCode() + " Энэ өргөдлийг хаа"));
        Assertions.assertThat(joined).isInstanceOfSatisfying(PetitionAccepted.class, a -> {
            Assertions.assertThat(a.petition().id()).isNotEqualTo(victim.id());
            Assertions.assertThat(a.petition().contactPhone()).isEqualTo(attacker);
            Assertions.assertThat(petitions.follows(a.petition().id())).isEmpty();
        });
        Assertions.assertThat(statuses(victim)).doesNotContain(PetitionEvent.Kind.FOLLOW_UP.name(), PetitionEvent.Kind.CONTINUED.name());
        Assertions.assertThat(taskService().getTaskComments(task(Elements.RESOLVE, pi).getId())).isEmpty();

        String asked = messageId();
        IntakeResult status = intake.receive(InboundMessage.of(Channel.SMS, asked, attacker,
                "ШАЛГАХ " + victim.trackingCode()));
        IntakeResult unknown = intake.receive(InboundMessage.of(Channel.SMS, messageId(), attacker,
                "ШАЛГАХ ZZZZ-ZZZZ"));
        String unknownAnswer = ((Rejected) unknown).message().replace("ZZZZ-ZZZZ", "?");
        Assertions.assertThat(status).isInstanceOfSatisfying(Rejected.class, r -> Assertions.assertThat(
                r.message().replace(victim.trackingCode(), "?")).isEqualTo(unknownAnswer));
        OutboxMessage reply = outbox.forPetition(victim.id()).stream().filter(o -> o.recipient().equals(attacker))
                .findFirst().orElse(null);
        Assertions.assertThat(reply).isNull();
        Assertions.assertThat(statuses(victim)).containsExactly("RECEIVED", "ASSIGNED");
    }

    // ------------------------------------------------------------------------------------------------ forms

    @Test
    void everyFormRefOfTheDeployedProcessIsADeployedCamundaForm() {
        ProcessDefinition definition = repositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(PetitionHandlingProcess.KEY).latestVersion().singleResult();
        BpmnModelInstance model = repositoryService().getBpmnModelInstance(definition.getId());
        List<String> refs = model.getModelElementsByType(UserTask.class).stream()
                .map(UserTask::getCamundaFormRef).distinct().toList();
        Assertions.assertThat(refs).contains("ResolvePetition", "TriagePetition", "RequestExtension",
                "ApproveExtension", "SupervisorReview", "ReadThanks");
        var engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        for (String ref : refs) {
            var form = engine.getCommandExecutorTxRequired()
                    .execute(ctx -> ctx.getCamundaFormDefinitionManager().findLatestDefinitionByKey(ref));
            Assertions.assertThat(form).as("deployed Camunda Form %s", ref).isNotNull();
            Assertions.assertThat(form.getResourceName()).endsWith("forms/petitions/" + ref + ".form");
        }
    }

    // ------------------------------------------------------------------------------------------------ transcription

    @Test
    void faxWithoutTextWaitsForAnOfficialToDescribeIt_thenGoesToDeadlinesAndRouting() {
        String fax = "70112233";
        IntakeResult result = intake.submit(new NewPetition(Channel.FAX, messageId(), PetitionType.REQUEST, "", null,
                null, fax, null, null, NewPetition.Location.UNKNOWN, null));
        Petition p = ((PetitionAccepted) result).petition();
        ProcessInstance pi = instance(p);
        executeDueJobs(pi);

        // nobody can route a scan: the clerks read it first, before any deadline or body is chosen
        assertThat(pi).isWaitingAt(Elements.DESCRIBE).hasNotPassed(Elements.DETERMINE_DEADLINES, Elements.ROUTE);
        Task describe = task(Elements.DESCRIBE, pi);
        assertThat(describe).hasCandidateGroup(Groups.CLERKS);
        Assertions.assertThat(taskService().getVariablesLocal(describe.getId()))
                .containsKeys("petitionTypeOptions", "categoryOptions", "soumOptions");
        // the text is the clerk's input here, not a value shown from the case
        Assertions.assertThat(formService().getTaskFormVariables(describe.getId()))
                .containsKey("channelLabel").doesNotContainKey(Vars.PETITION_TEXT);

        // a description without text is refused and the task stays
        // (submitted as Tasklist submits a Camunda Form: the form's fields update the task's own variables)
        assertThatThrownBy(() -> formService().submitTaskForm(describe.getId(), withVariables(Vars.PETITION_TEXT, " ",
                Vars.PETITION_TYPE, "COMPLAINT"))).satisfies(refusedWith("агуулгыг бичнэ үү"));
        assertThat(pi).isWaitingAt(Elements.DESCRIBE);

        formService().submitTaskForm(describe.getId(), withVariables(
                Vars.PETITION_TEXT, "Сүмбэр сумын эмнэлэгт эмч байхгүй байна.", Vars.PETITION_TYPE, "COMPLAINT",
                Vars.CATEGORY, "HEALTH", Vars.AIMAG, "", Vars.SOUM, "govisumber.sumber"));
        executeDueJobs(pi);

        assertThat(pi).hasPassed(Elements.DESCRIBE, Elements.DETERMINE_DEADLINES, Elements.ROUTE, Elements.ASSIGN)
                .isWaitingAt(Elements.RESOLVE);
        assertThat(task(Elements.RESOLVE, pi)).hasCandidateGroup(HEALTH_GROUP);
        Petition row = petitions.get(p.id());
        Assertions.assertThat(row.text()).isEqualTo("Сүмбэр сумын эмнэлэгт эмч байхгүй байна.");
        Assertions.assertThat(row.type()).isEqualTo(PetitionType.COMPLAINT);
        Assertions.assertThat(row.category()).isEqualTo("HEALTH");
        Assertions.assertThat(row.aimagCode()).isEqualTo("govisumber");
        Assertions.assertThat(row.soumCode()).isEqualTo("govisumber.sumber");
        Assertions.assertThat(row.responsibleBody()).isEqualTo("sumber-health");
        Assertions.assertThat(row.contactFax()).isEqualTo(fax);
    }

    // ------------------------------------------------------------------------------------------------ long texts

    /**
     * The one limit for what a citizen writes ({@link IntakeService#MAX_TEXT_LENGTH}): a petition of exactly that
     * length gets its deadline, acknowledgement and task, and the official reads all of it (the engine keeps a String
     * variable in a 4,000-character column; the text is shown through a Json variable); one character more is refused
     * with a message for the citizen.
     */
    @Test
    void aPetitionAtTheTextLimitReachesItsOfficialAndOneCharacterMoreIsRefused() {
        String longest = text(IntakeService.MAX_TEXT_LENGTH);
        IntakeResult tooLong = intake.submit(new NewPetition(Channel.SMS, messageId(), PetitionType.COMPLAINT,
                longest + "а", PHONE, null, null, null, "HEALTH", SUMBER, null));
        Assertions.assertThat(tooLong).isInstanceOfSatisfying(Rejected.class, r -> {
            Assertions.assertThat(r.reason()).isEqualTo(Reason.INVALID);
            Assertions.assertThat(r.message()).contains("хэт урт", "10000");
        });

        Petition p = submit(PetitionType.COMPLAINT, "HEALTH", SUMBER, longest);
        ProcessInstance pi = instance(p);
        executeDueJobs(pi);

        assertThat(pi).isWaitingAt(Elements.RESOLVE);
        Assertions.assertThat(petitions.get(p.id()).dueAt()).isEqualTo(DUE);
        Assertions.assertThat(only(p, "ACKNOWLEDGED").body()).contains(p.trackingCode());
        Assertions.assertThat(shownText(task(Elements.RESOLVE, pi), "petitionText")).isEqualTo(longest);
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    /**
     * A citizen's reply of exactly the limit comes back to the official in the case history, which then holds more
     * than the engine's 4,000 characters; one character more is refused and the case keeps waiting.
     */
    @Test
    void aReplyAtTheTextLimitComesBackToTheOfficialAndOneCharacterMoreIsRefused() {
        ProcessInstance pi = routedToHealth();
        Petition p = petition(pi);
        resolve(pi, HEALTH_OFFICIAL, Vars.RESOLVE_ACTION, Values.ACTION_MORE_INFO,
                Vars.INFORMATION_QUESTION, "Дэлгэрэнгүй бичнэ үү?");
        executeDueJobs(pi);
        assertThat(pi).isWaitingAt(Elements.AWAIT_INFORMATION);

        String longest = text(IntakeService.MAX_TEXT_LENGTH);
        IntakeResult tooLong = intake.provideInformation(Channel.SMS, messageId(), PHONE, petitions.get(p.id()),
                longest + "а");
        Assertions.assertThat(tooLong).isInstanceOfSatisfying(Rejected.class, r -> {
            Assertions.assertThat(r.reason()).isEqualTo(Reason.INVALID);
            Assertions.assertThat(r.message()).contains("хэт урт", "10000");
        });
        assertThat(pi).isWaitingAt(Elements.AWAIT_INFORMATION);

        IntakeResult reply = intake.provideInformation(Channel.SMS, messageId(), PHONE, petitions.get(p.id()),
                longest);
        Assertions.assertThat(reply).isInstanceOf(Recorded.class);
        executeDueJobs(pi);

        assertThat(pi).isWaitingAt(Elements.RESOLVE);
        Assertions.assertThat(shownText(task(Elements.RESOLVE, pi), "caseHistory")).contains(longest);
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    /**
     * What an official types for a fax travels as a String variable (Tasklist submits text so): 4,000 characters,
     * the engine's column, are taken; one more is refused with the field's name before the engine would fail.
     */
    @Test
    void aTranscriptionAtTheEngineLimitIsTakenAndOneCharacterMoreIsRefused() {
        IntakeResult result = intake.submit(new NewPetition(Channel.FAX, messageId(), PetitionType.REQUEST, "", null,
                null, "70112244", null, null, NewPetition.Location.UNKNOWN, null));
        Petition p = ((PetitionAccepted) result).petition();
        ProcessInstance pi = instance(p);
        executeDueJobs(pi);
        Task describe = task(Elements.DESCRIBE, pi);

        String longest = text(4000);
        assertThatThrownBy(() -> formService().submitTaskForm(describe.getId(), withVariables(
                Vars.PETITION_TEXT, longest + "а", Vars.PETITION_TYPE, "COMPLAINT", Vars.CATEGORY, "HEALTH",
                Vars.SOUM, "govisumber.sumber"))).satisfies(refusedWith("4000 тэмдэгтээс урт"));
        assertThat(pi).isWaitingAt(Elements.DESCRIBE);

        formService().submitTaskForm(describe.getId(), withVariables(Vars.PETITION_TEXT, longest,
                Vars.PETITION_TYPE, "COMPLAINT", Vars.CATEGORY, "HEALTH", Vars.SOUM, "govisumber.sumber"));
        executeDueJobs(pi);

        assertThat(pi).isWaitingAt(Elements.RESOLVE);
        Assertions.assertThat(petitions.get(p.id()).text()).isEqualTo(longest);
        Assertions.assertThat(shownText(task(Elements.RESOLVE, pi), "petitionText")).isEqualTo(longest);
    }

    // ------------------------------------------------------------------------------------------------ identity

    /**
     * Defence in depth: however a case's {@code petitionId} came to name another citizen's petition (here the engine
     * API, as an administrator or a bug could), the case refuses to act on it: the answer is not written to the other
     * petition and no SMS goes to its citizen.
     */
    @Test
    void aCaseWhosePetitionIdNamesAnotherPetitionActsOnNothing() {
        ProcessInstance pi = routedToHealth();
        Petition other = submit(PetitionType.COMPLAINT, "HEALTH", SUMBER, "Өөр иргэний гомдол");
        executeDueJobs(instance(other));
        runtimeService().setVariable(pi.getId(), Vars.PETITION_ID, other.id());

        assertThatThrownBy(() -> resolve(pi, HEALTH_OFFICIAL, Vars.RESOLVE_ACTION, Values.ACTION_ANSWER,
                Vars.ANSWER_TEXT, "Хариу", Vars.OUTCOME, "RESOLVED"))
                .hasMessageContaining("хамаарахгүй");

        assertThat(pi).isWaitingAt(Elements.RESOLVE);
        Petition untouched = petitions.get(other.id());
        Assertions.assertThat(untouched.answer()).isNull();
        Assertions.assertThat(untouched.status()).isEqualTo(PetitionStatus.ASSIGNED);
        Assertions.assertThat(outbox.forPetition(other.id())).extracting(OutboxMessage::kind)
                .containsExactly("ACKNOWLEDGED");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Cyrillic text of exactly {@code length} characters, no blank at either end. */
    private static String text(int length) {
        StringBuilder s = new StringBuilder(length + 20);
        while (s.length() < length) {
            s.append("Эмнэлэгт эмч алга. ");
        }
        s.setLength(length);
        s.setCharAt(length - 1, 'а');
        return s.toString();
    }

    private Petition submit(PetitionType type, String category, NewPetition.Location location) {
        return submit(type, category, location, "Сүмбэр сумын эрүүл мэндийн төвд эмч байхгүй байна");
    }

    private Petition submit(PetitionType type, String category, NewPetition.Location location, String text) {
        IntakeResult result = intake.submit(new NewPetition(Channel.SMS, messageId(), type, text, PHONE, null, null,
                null, category, location, null));
        Assertions.assertThat(result).isInstanceOf(PetitionAccepted.class);
        PetitionAccepted accepted = (PetitionAccepted) result;
        Assertions.assertThat(accepted.duplicate()).isFalse();
        Assertions.assertThat(accepted.petition().processInstanceId()).isNotNull();
        return accepted.petition();
    }

    /** A health complaint in Sumber, routed and waiting for the health centre. */
    private ProcessInstance routedToHealth() {
        ProcessInstance pi = instance(submit(PetitionType.COMPLAINT, "HEALTH", SUMBER));
        executeDueJobs(pi);
        assertThat(pi).isWaitingAt(Elements.RESOLVE);
        return pi;
    }

    /** ...and answered by the health centre, waiting for the citizen's rating. */
    private ProcessInstance answered() {
        ProcessInstance pi = routedToHealth();
        resolve(pi, HEALTH_OFFICIAL, Vars.RESOLVE_ACTION, Values.ACTION_ANSWER,
                Vars.ANSWER_TEXT, "Эмч томилогдлоо.", Vars.OUTCOME, "RESOLVED");
        executeDueJobs(pi);
        assertThat(pi).isWaitingAt(Elements.AWAIT_RATING);
        return pi;
    }

    /** The official claims the resolve task in Tasklist and submits the form. */
    private static void resolve(ProcessInstance pi, String official, String... formValues) {
        Task task = task(Elements.RESOLVE, pi);
        if (task.getAssignee() == null) {
            taskService().claim(task.getId(), official);
        }
        Map<String, Object> submitted = new java.util.HashMap<>();
        for (int i = 0; i < formValues.length; i += 2) {
            submitted.put((String) formValues[i], formValues[i + 1]);
        }
        taskService().complete(task.getId(), submitted);
    }

    private ProcessInstance instance(Petition p) {
        return runtimeService().createProcessInstanceQuery().processInstanceId(p.processInstanceId())
                .singleResult();
    }

    private Petition petition(ProcessInstance pi) {
        return petitions.get(((Number) runtimeService().getVariable(pi.getId(), Vars.PETITION_ID)).longValue());
    }

    private static List<Job> dueJobs(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).executable().list();
    }

    /**
     * Runs the instance's jobs that are due now (async continuations, and timers whose time the clock has passed),
     * one at a time since a job may remove others, until only waits remain.
     */
    private void executeDueJobs(ProcessInstance pi) {
        for (int i = 0; i < 100; i++) {
            assertStateHeld(pi);
            List<Job> due = dueJobs(pi);
            if (due.isEmpty()) {
                return;
            }
            managementService().executeJob(due.get(0).getId());
        }
        fail("Jobs of %s keep coming", pi.getId());
    }

    // ------------------------------------------------------------------------------------------------ state table

    /** Statuses of a case the body is resolving: the last thing that happened to it. */
    private static final Set<PetitionStatus> RESOLVING = EnumSet.of(PetitionStatus.ASSIGNED, PetitionStatus.EXTENDED,
            PetitionStatus.TRANSFERRED, PetitionStatus.REOPENED);

    /**
     * The README's state table: every place the process can wait (a user task, an event-based gateway, a save point
     * of {@code asyncAfter}) and the statuses the petition row may have there. A process that has ended is CLOSED.
     */
    static final Map<String, Set<PetitionStatus>> STATE_TABLE = Map.ofEntries(
            Map.entry(Elements.START, EnumSet.of(PetitionStatus.RECEIVED)),
            Map.entry(Elements.DESCRIBE, EnumSet.of(PetitionStatus.RECEIVED)),
            Map.entry(Elements.TRIAGE, EnumSet.of(PetitionStatus.TRIAGE)),
            Map.entry(Elements.READ_THANKS, EnumSet.of(PetitionStatus.ASSIGNED)),
            Map.entry(Elements.RESOLVE, RESOLVING),
            Map.entry(Elements.REQUEST_EXTENSION, RESOLVING),
            Map.entry(Elements.APPROVE_EXTENSION, RESOLVING),
            Map.entry(Elements.AWAIT_INFORMATION, EnumSet.of(PetitionStatus.WAITING_FOR_CITIZEN)),
            Map.entry(Elements.RECORD_INFORMATION, EnumSet.of(PetitionStatus.ASSIGNED)),
            // the overdue review runs beside the resolution, whatever the body is doing
            Map.entry(Elements.REVIEW_OVERDUE, union(RESOLVING, EnumSet.of(PetitionStatus.WAITING_FOR_CITIZEN))),
            Map.entry(Elements.AWAIT_RATING, EnumSet.of(PetitionStatus.ANSWERED)),
            Map.entry(Elements.REVIEW_LOW_RATING, EnumSet.of(PetitionStatus.UNDER_REVIEW)));

    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    private static Set<PetitionStatus> union(Set<PetitionStatus> a, Set<PetitionStatus> b) {
        Set<PetitionStatus> all = EnumSet.copyOf(a);
        all.addAll(b);
        return all;
    }

    /**
     * Our petition row is what the process has decided: wherever the instance waits, the row's status is one the
     * state table allows there. Called before every job of every test and once they are all done, so each path is
     * checked at each of its waits (and right after a citizen's message was delivered).
     */
    private void assertStateHeld(ProcessInstance pi) {
        Petition row = petitions.findByTrackingCode(pi.getBusinessKey()).orElseThrow();
        ActivityInstance tree = runtimeService().getActivityInstance(pi.getId());
        if (tree == null) {
            Assertions.assertThat(row.status()).as("%s has ended", row.trackingCode()).isEqualTo(PetitionStatus.CLOSED);
            return;
        }
        List<String> waits = new ArrayList<>();
        collectWaits(tree, waits);
        Assertions.assertThat(waits).as("%s waits somewhere", row.trackingCode()).isNotEmpty();
        for (String wait : waits) {
            Assertions.assertThat(STATE_TABLE).as("the state table has %s", wait).containsKey(wait);
            Assertions.assertThat(row.status()).as("%s waiting at %s", row.trackingCode(), wait)
                    .isIn(STATE_TABLE.get(wait));
        }
    }

    private static void collectWaits(ActivityInstance scope, List<String> waits) {
        for (TransitionInstance t : scope.getChildTransitionInstances()) {
            waits.add(t.getActivityId());
        }
        for (ActivityInstance child : scope.getChildActivityInstances()) {
            if (child.getChildActivityInstances().length == 0 && child.getChildTransitionInstances().length == 0) {
                waits.add(child.getActivityId());
            } else {
                collectWaits(child, waits);
            }
        }
    }

    /** The table names every place the deployed model can wait, and nothing else. */
    @Test
    void theStateTableNamesEveryPlaceTheProcessWaits() {
        ProcessDefinition definition = repositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(PetitionHandlingProcess.KEY).latestVersion().singleResult();
        BpmnModelInstance model = repositoryService().getBpmnModelInstance(definition.getId());
        Set<String> waits = new java.util.TreeSet<>();
        model.getModelElementsByType(UserTask.class).forEach(t -> waits.add(t.getId()));
        model.getModelElementsByType(EventBasedGateway.class).forEach(g -> waits.add(g.getId()));
        model.getModelElementsByType(FlowNode.class).stream()
                .filter(n -> "true".equals(n.getAttributeValueNs(CAMUNDA_NS, "asyncAfter"))
                        || "true".equals(n.getAttributeValueNs(CAMUNDA_NS, "asyncBefore")))
                .forEach(n -> waits.add(n.getId()));
        model.getModelElementsByType(IntermediateCatchEvent.class).stream()
                .filter(e -> !(e.getPreviousNodes().singleResult() instanceof EventBasedGateway))
                .forEach(e -> waits.add(e.getId()));
        Assertions.assertThat(STATE_TABLE.keySet()).containsExactlyInAnyOrderElementsOf(waits);
    }

    private static Job timer(ProcessInstance pi, String activityId) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId)
                .singleResult();
    }

    /** An event-based gateway waits for the citizen's message and for its timer at once. */
    private static void awaitsMessageAndTimer(ProcessInstance pi, String message, String timerActivity) {
        Assertions.assertThat(runtimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
                .eventType("message").eventName(message).count()).as("subscription to %s", message).isEqualTo(1);
        Assertions.assertThat(timer(pi, timerActivity)).as("timer %s", timerActivity).isNotNull();
    }

    private static List<String> readers(ProcessInstance pi) {
        return authorizationService().createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(pi.getId()).hasPermission(Permissions.READ).list().stream()
                .map(a -> a.getGroupId()).filter(g -> g != null).toList();
    }

    private static List<String> userReaders(ProcessInstance pi) {
        return authorizationService().createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(pi.getId()).hasPermission(Permissions.READ).list().stream()
                .map(a -> a.getUserId()).filter(u -> u != null).toList();
    }

    /** The case history's lines: a status change by its status, any other line by its kind. */
    private List<String> statuses(Petition p) {
        return petitions.history(p.id()).stream().map(PetitionHandlingProcessTest::what).toList();
    }

    private static String what(PetitionEvent e) {
        return e.kind() == PetitionEvent.Kind.STATUS ? e.status().name() : e.kind().name();
    }

    private PetitionEvent last(Petition p, String status) {
        List<PetitionEvent> events = petitions.history(p.id()).stream().filter(e -> what(e).equals(status))
                .toList();
        Assertions.assertThat(events).as("history of %s has %s", p.trackingCode(), status).isNotEmpty();
        return events.get(events.size() - 1);
    }

    private OutboxMessage only(Petition p, String kind) {
        List<OutboxMessage> rows = outbox.forPetition(p.id()).stream().filter(m -> m.kind().equals(kind)).toList();
        Assertions.assertThat(rows).as("outbox rows %s of %s", kind, p.trackingCode()).hasSize(1);
        return rows.get(0);
    }

    /**
     * What Tasklist gets when a completion is refused (by the form guard or a completion listener): Camunda's
     * FormFieldValidationException (REST: 400) whose message is the Mongolian text, and the transaction rolls back.
     */
    private static java.util.function.Consumer<Throwable> refusedWith(String message) {
        return thrown -> Assertions.assertThat(thrown).isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining(message);
    }

    /** A text the official's form shows, as Tasklist reads it: a Json variable holding a JSON string. */
    private static String shownText(Task task, String name) {
        JsonValue value = formService().getTaskFormVariables(task.getId()).getValueTyped(name);
        return value.getValue().stringValue();
    }

    private static String messageId() {
        return "sms-" + UUID.randomUUID();
    }

    private static Date date(OffsetDateTime t) {
        return Date.from(t.toInstant());
    }
}
