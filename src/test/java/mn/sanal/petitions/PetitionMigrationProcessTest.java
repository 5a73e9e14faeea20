package mn.sanal.petitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import mn.sanal.intake.IntakeService;
import mn.sanal.petitions.PetitionHandlingProcess.Elements;
import mn.sanal.petitions.PetitionHandlingProcess.Values;
import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.platform.migration.ProcessMigrations;
import mn.sanal.platform.migration.ProcessMigrations.Report;

/**
 * Issue 13: running PetitionHandling cases move from version N to a version N+1 that adds a step, by the admin's batch
 * ({@link ProcessMigrations}), and keep their legal clock: one case waits at each wait state of version N, and after
 * the migration every case is on N+1 with the same tasks (same ids, same due and follow-up dates) and the same timers
 * (same jobs' due dates: mapped, not restarted at the migration time). A migrated case then passes the added step.
 * The dry run names the cases a version without their wait state could not take, and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class PetitionMigrationProcessTest {

    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    static final OffsetDateTime DUE = OffsetDateTime.of(2026, 4, 1, 23, 59, 59, 0, ZoneOffset.ofHours(8));
    static final String OFFICIAL = "sumber.health";
    static final String ADDED_STEP = "Event_AnswerRecorded";

    @Autowired
    ProcessEngine engine;
    @Autowired
    IntakeService intake;
    @Autowired
    PetitionService petitions;
    @Autowired
    ProcessMigrations migrations;

    ProcessCases cases;
    final List<String> deployments = new ArrayList<>();

    @BeforeEach
    void setUp() {
        cases = new ProcessCases(engine, intake);
        ClockUtil.setCurrentTime(ProcessCases.date(T0));
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        deployments.forEach(d -> engine.getRepositoryService().deleteDeployment(d, true));
    }

    @Test
    void casesAtEveryWaitStateMoveToTheNextVersionWithTheirDueDatesAndTimers() {
        int v1 = latest().getVersion();
        Map<String, ProcessInstance> waiting = casesAtEveryWaitState();
        Map<String, Snapshot> before = new LinkedHashMap<>();
        waiting.forEach((state, pi) -> before.put(state, snapshot(pi.getId())));
        // every wait state has something to keep
        assertThat(before.get("resolve").timers()).containsOnlyKeys(Elements.DEADLINE_START, Elements.REMINDER_START);
        assertThat(before.get("information").timers()).containsKey(Elements.INFORMATION_TIMEOUT);
        assertThat(before.get("rating").timers()).containsKey(Elements.RATING_TIMEOUT);
        assertThat(before.get("overdue").tasks()).hasSize(2);

        // the clock moves on: a timer restarted by the migration would show it
        ClockUtil.setCurrentTime(ProcessCases.date(T0.plusDays(7)));
        ProcessDefinition v2 = deployWithAddedStep();
        assertThat(v2.getVersion()).isEqualTo(v1 + 1);

        Report dry = migrations.dryRun(PetitionHandlingProcess.KEY, v1);
        assertThat(dry.planProblems()).isEmpty();
        assertThat(dry.notMigrating()).isEmpty();
        assertThat(dry.instances()).isGreaterThanOrEqualTo(waiting.size());
        assertThat(dry.unmappedActivities()).doesNotContain(Elements.START, Elements.DESCRIBE, Elements.RESOLVE,
                Elements.DEADLINE_START, Elements.INFORMATION_TIMEOUT, Elements.AWAIT_RATING);
        assertThat(dry.instructions()).contains(new ProcessMigrations.Instruction(Elements.DEADLINE_START,
                Elements.DEADLINE_START));
        waiting.values().forEach(pi -> assertThat(definitionOf(pi)).as("dry run changes nothing")
                .isEqualTo(pi.getProcessDefinitionId()));

        Report done = migrations.migrate(PetitionHandlingProcess.KEY, v1);
        assertThat(done.notMigrating()).isEmpty();
        assertThat(done.migrated()).isEqualTo(dry.instances());
        // the overdue case's deadline and reminder had fired: Camunda would arm them again, the migration does not
        String overdue = waiting.get("overdue").getId();
        assertThat(done.firedTimersKeptOff()).contains(overdue + " " + Elements.DEADLINE_START,
                overdue + " " + Elements.REMINDER_START);
        assertThat(dry.firedTimersKeptOff()).contains(overdue + " " + Elements.DEADLINE_START);

        waiting.forEach((state, pi) -> {
            assertThat(definitionOf(pi)).as(state).isEqualTo(v2.getId());
            Snapshot after = snapshot(pi.getId());
            assertThat(after).as(state + ": tasks, due dates and timers as they were").isEqualTo(before.get(state));
        });
        assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();

        // the new version's step is in the migrated case's way now
        ProcessInstance resolving = waiting.get("resolve");
        resolve(resolving, Vars.RESOLVE_ACTION, Values.ACTION_ANSWER, Vars.ANSWER_TEXT, "Эмч томилогдлоо.",
                Vars.OUTCOME, "RESOLVED");
        cases.executeDueJobs(resolving.getId());
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(resolving.getId()).activityId(ADDED_STEP).count()).isEqualTo(1);
        assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(resolving.getId())
                .activityId(Elements.CITIZEN_RATED).count()).isEqualTo(1);

        // the migrated overdue case: the supervisor's review ends once, and no second review comes after it
        ProcessInstance late = waiting.get("overdue");
        Task review = engine.getTaskService().createTaskQuery().processInstanceId(late.getId())
                .taskDefinitionKey(Elements.REVIEW_OVERDUE).singleResult();
        engine.getTaskService().claim(review.getId(), "govisumber.supervisor");
        engine.getTaskService().complete(review.getId(), Map.of(Vars.REVIEW_DECISION, Values.REVIEW_NOTED,
                Vars.REVIEW_NOTE, "Танилцав"));
        ClockUtil.setCurrentTime(ProcessCases.date(DUE.plusDays(2)));
        cases.executeDueJobs(late.getId());
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(late.getId())
                .activityId(Elements.END_OVERDUE_REVIEWED).count()).isEqualTo(1);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(late.getId()).list())
                .extracting(Task::getTaskDefinitionKey).containsExactly(Elements.RESOLVE);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(late.getId())
                .activityId(Elements.MARK_OVERDUE).count()).isEqualTo(1);
    }

    @Test
    void theDryRunListsTheCasesANewVersionCannotTakeAndChangesNothing() {
        int v1 = latest().getVersion();
        ProcessInstance thanks = cases.instance(cases.submit(PetitionType.THANKS, "HEALTH"));
        cases.executeDueJobs(thanks.getId());
        ProcessInstance resolving = cases.instance(cases.submit(PetitionType.COMPLAINT, "HEALTH"));
        cases.executeDueJobs(resolving.getId());
        assertThat(cases.task(thanks.getId()).getTaskDefinitionKey()).isEqualTo(Elements.READ_THANKS);

        // version N+1 renames the thanks task: a case waiting there has nowhere to go
        Map<String, String> files = ProcessCases.shipped();
        files.put("PetitionHandling.bpmn", files.get("PetitionHandling.bpmn").replace(Elements.READ_THANKS,
                "UserTask_AcknowledgeThanks"));
        deploy(files);

        Report dry = migrations.dryRun(PetitionHandlingProcess.KEY, v1);
        assertThat(dry.unmappedActivities()).contains(Elements.READ_THANKS).doesNotContain(Elements.RESOLVE);
        assertThat(dry.notMigrating()).extracting(ProcessMigrations.NotMigrating::processInstanceId)
                .contains(thanks.getId()).doesNotContain(resolving.getId());
        assertThat(dry.notMigrating()).filteredOn(n -> n.processInstanceId().equals(thanks.getId())).singleElement()
                .satisfies(n -> assertThat(n.reason()).contains(Elements.READ_THANKS));
        assertThat(definitionOf(thanks)).isEqualTo(thanks.getProcessDefinitionId());
        assertThat(definitionOf(resolving)).isEqualTo(resolving.getProcessDefinitionId());
        assertThat(cases.task(thanks.getId()).getTaskDefinitionKey()).isEqualTo(Elements.READ_THANKS);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** One case at each wait state of the version deployed now. */
    private Map<String, ProcessInstance> casesAtEveryWaitState() {
        Map<String, ProcessInstance> at = new LinkedHashMap<>();
        at.put("received", cases.instance(cases.submit(PetitionType.COMPLAINT, "HEALTH")));
        at.put("describe", started(cases.fax()));
        at.put("triage", started(cases.submit(PetitionType.REQUEST, "OTHER")));
        at.put("thanks", started(cases.submit(PetitionType.THANKS, "HEALTH")));
        at.put("resolve", started(cases.submit(PetitionType.COMPLAINT, "HEALTH")));

        ProcessInstance extension = started(cases.submit(PetitionType.COMPLAINT, "HEALTH"));
        resolve(extension, Vars.RESOLVE_ACTION, Values.ACTION_EXTEND);
        cases.executeDueJobs(extension.getId());
        at.put("requestExtension", extension);

        ProcessInstance approval = started(cases.submit(PetitionType.COMPLAINT, "HEALTH"));
        resolve(approval, Vars.RESOLVE_ACTION, Values.ACTION_EXTEND);
        cases.executeDueJobs(approval.getId());
        engine.getTaskService().complete(cases.task(approval.getId()).getId(), Map.of(Vars.EXTENSION_DAYS, 20L,
                Vars.EXTENSION_REASON, "Лабораторийн шинжилгээ хүлээж байна"));
        cases.executeDueJobs(approval.getId());
        at.put("approveExtension", approval);

        ProcessInstance information = started(cases.submit(PetitionType.COMPLAINT, "HEALTH"));
        resolve(information, Vars.RESOLVE_ACTION, Values.ACTION_MORE_INFO, Vars.INFORMATION_QUESTION,
                "Аль эмчийн тухай бичсэн бэ?");
        cases.executeDueJobs(information.getId());
        at.put("information", information);

        ProcessInstance rating = started(cases.submit(PetitionType.COMPLAINT, "HEALTH"));
        resolve(rating, Vars.RESOLVE_ACTION, Values.ACTION_ANSWER, Vars.ANSWER_TEXT, "Эмч томилогдлоо.",
                Vars.OUTCOME, "RESOLVED");
        cases.executeDueJobs(rating.getId());
        at.put("rating", rating);

        ProcessInstance lowRating = started(cases.submit(PetitionType.COMPLAINT, "HEALTH"));
        resolve(lowRating, Vars.RESOLVE_ACTION, Values.ACTION_ANSWER, Vars.ANSWER_TEXT, "Эмч томилогдлоо.",
                Vars.OUTCOME, "RESOLVED");
        cases.executeDueJobs(lowRating.getId());
        Petition rated = petitions.get(((Number) engine.getRuntimeService().getVariable(lowRating.getId(),
                Vars.PETITION_ID)).longValue());
        intake.rate(Channel.SMS, "sms-" + UUID.randomUUID(), ProcessCases.PHONE, rated, 1);
        cases.executeDueJobs(lowRating.getId());
        at.put("lowRating", lowRating);

        // past the legal due date: the overdue review runs beside the resolve task
        ProcessInstance overdue = started(cases.submit(PetitionType.COMPLAINT, "HEALTH"));
        ClockUtil.setCurrentTime(ProcessCases.date(DUE.plusMinutes(1)));
        cases.executeDueJobs(overdue.getId());
        ClockUtil.setCurrentTime(ProcessCases.date(T0));
        at.put("overdue", overdue);

        Map<String, String> expected = Map.of("describe", Elements.DESCRIBE, "triage", Elements.TRIAGE, "thanks",
                Elements.READ_THANKS, "resolve", Elements.RESOLVE, "requestExtension", Elements.REQUEST_EXTENSION,
                "approveExtension", Elements.APPROVE_EXTENSION, "lowRating", Elements.REVIEW_LOW_RATING);
        expected.forEach((state, task) -> assertThat(cases.task(at.get(state).getId()).getTaskDefinitionKey())
                .as(state).isEqualTo(task));
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(overdue.getId()).list())
                .extracting(Task::getTaskDefinitionKey).containsExactlyInAnyOrder(Elements.RESOLVE,
                        Elements.REVIEW_OVERDUE);
        return at;
    }

    private ProcessInstance started(Petition p) {
        ProcessInstance pi = cases.instance(p);
        cases.executeDueJobs(pi.getId());
        return pi;
    }

    private void resolve(ProcessInstance pi, Object... formValues) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(Elements.RESOLVE).singleResult();
        if (task.getAssignee() == null) {
            engine.getTaskService().claim(task.getId(), OFFICIAL);
        }
        Map<String, Object> submitted = new HashMap<>();
        for (int i = 0; i < formValues.length; i += 2) {
            submitted.put((String) formValues[i], formValues[i + 1]);
        }
        engine.getTaskService().complete(task.getId(), submitted);
    }

    /** What the law's clock is made of in one case: its tasks and their dates, its jobs and their due dates. */
    record Snapshot(Map<String, String> tasks, Map<String, Date> timers, List<String> asyncJobs) {
    }

    private Snapshot snapshot(String processInstanceId) {
        Map<String, String> tasks = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .list().stream().collect(Collectors.toMap(Task::getId, t -> t.getTaskDefinitionKey() + " due "
                        + t.getDueDate() + " follow-up " + t.getFollowUpDate() + " assignee " + t.getAssignee()));
        Map<String, Date> timers = new HashMap<>();
        List<String> async = new ArrayList<>();
        for (Job job : engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).list()) {
            if (job.getDuedate() != null && engine.getManagementService().createJobQuery().jobId(job.getId())
                    .timers().count() == 1) {
                timers.put(activityOf(job), job.getDuedate());
            } else {
                async.add(activityOf(job) + " " + job.getId());
            }
        }
        return new Snapshot(tasks, timers, async);
    }

    private String activityOf(Job job) {
        return engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                .singleResult().getActivityId();
    }

    private ProcessDefinition deployWithAddedStep() {
        Map<String, String> files = ProcessCases.shipped();
        String bpmn = files.get("PetitionHandling.bpmn");
        String added = bpmn.replace(
                "<bpmn:sequenceFlow id=\"Flow_ToAwaitRating\" sourceRef=\"Task_AnswerCitizen\" "
                        + "targetRef=\"Gateway_AwaitRating\" />",
                "<bpmn:sequenceFlow id=\"Flow_ToAwaitRating\" sourceRef=\"Task_AnswerCitizen\" targetRef=\""
                        + ADDED_STEP + "\" />\n<bpmn:intermediateThrowEvent id=\"" + ADDED_STEP
                        + "\" name=\"Хариу бүртгэгдсэн\" />\n<bpmn:sequenceFlow id=\"Flow_AnswerRecorded\" sourceRef=\""
                        + ADDED_STEP + "\" targetRef=\"Gateway_AwaitRating\" />");
        assertThat(added).isNotEqualTo(bpmn);
        files.put("PetitionHandling.bpmn", added);
        deploy(files);
        return latest();
    }

    private void deploy(Map<String, String> files) {
        DeploymentBuilder builder = engine.getRepositoryService().createDeployment().name("PetitionHandling next");
        files.forEach(builder::addString);
        deployments.add(builder.deploy().getId());
    }

    private ProcessDefinition latest() {
        return engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(PetitionHandlingProcess.KEY).latestVersion().singleResult();
    }

    private String definitionOf(ProcessInstance pi) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getProcessDefinitionId();
    }
}
