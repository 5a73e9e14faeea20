package mn.sanal.ldf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
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
import org.springframework.transaction.support.TransactionTemplate;

import mn.sanal.ldf.Ldf.Cycle;
import mn.sanal.ldf.Ldf.ProposalChannel;
import mn.sanal.ldf.LocalDevelopmentFundProcess.Elements;
import mn.sanal.ldf.LocalDevelopmentFundProcess.Vars;

/**
 * The fund's cycle on the real Spring context (in-memory H2, demo organisation and the fund's demo people), driven
 * as officials drive it: the Governor's office starts it, officials complete their tasks through the form fields
 * (checked by the task guard) as themselves (Camunda authorizations on), time moves with {@link ClockUtil} and each
 * test runs the jobs that are due. Assertions are on what people see: the tasks in their lists, the rows, the SMS and
 * mails in the outbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class LocalDevelopmentFundProcessTest {

    /** Monday 5 January 2026, 10:00 in Ulaanbaatar: the collection window is open. */
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 1, 5, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    /** The day after the window closed (May 31, law). */
    static final OffsetDateTime JUNE_1 = OffsetDateTime.of(2026, 6, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));

    static final String SOUM = "khentii.delgerkhaan";
    static final String BAG1 = "khentii.delgerkhaan.1";
    static final String BAG2 = "khentii.delgerkhaan.2";
    static final String OFFICE = "delgerkhaan.office";
    static final String CHAIR = "delgerkhaan.chair";
    static final String GOVERNOR = "delgerkhaan.governor";
    static final String BAG1_GOVERNOR = "delgerkhaan.bag1.governor";
    static final String BAG2_GOVERNOR = "delgerkhaan.bag2.governor";
    static final String BAG1_REP = "delgerkhaan.bag1.rep1";
    static final String WORKING_GROUP_MEMBER = "delgerkhaan.wg1";
    static final String COMMISSION = "delgerkhaan.commission";
    static final long FUND = 100_000_000L;

    @Autowired
    ProcessEngine engine;
    @Autowired
    LdfService ldf;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    RuntimeService runtime;
    TaskService tasks;
    ManagementService management;
    IdentityService identity;
    int year;

    @BeforeEach
    void setUp() {
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        management = engine.getManagementService();
        identity = engine.getIdentityService();
        // one context for all tests: each test its own year, so (soum, year) cycles never collide
        year = 2026 + (int) jdbc.sql("SELECT COUNT(*) FROM ldf_cycle").query(Long.class).single().longValue();
        ClockUtil.setCurrentTime(date(T0.withYear(year)));
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        ClockUtil.reset();
    }

    // ------------------------------------------------------------------------------------------------ paths

    @Test
    void onlyTheSoumsOwnGovernorsOfficeStartsTheCycle() {
        assertThatThrownBy(() -> start("jargaltkhaan.office"))
                .hasMessageContaining("Засаг даргын Тамгын газар");
        ProcessInstance pi = start(OFFICE);
        runJobs(pi);
        assertThat(waitingAt(pi)).containsExactly(Elements.COLLECTION_CLOSED);
        assertThatThrownBy(() -> start(OFFICE)).hasMessageContaining("мөчлөг эхэлсэн");
    }

    @Test
    void aBagWithoutProposalsHasNoMeetingAndTheKhuralRefusingAllEndsTheYearWithItsReport() {
        ProcessInstance pi = start(OFFICE);
        Cycle c = cycle(pi);
        long well = propose(c, BAG1, "1-р багт худаг гаргах", phone("97699110001"));
        long dup = propose(c, BAG1, "Худаг гаргаж өгнө үү", phone("97699110002"));
        long road = propose(c, BAG1, "Багийн төвийн зам засах", phone("97699110003"));

        closeWindow(pi);
        // four bags, one with proposals: one meeting, three recorded as having none
        assertThat(tasksAt(pi, Elements.BAG_MEETING)).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ldf_bag_meeting WHERE cycle_id = ? AND notes = 'Санал ирээгүй'")
                .param(c.id()).query(Long.class).single()).isEqualTo(3L);
        assertThat(taskList(BAG2_GOVERNOR, pi)).isEmpty();

        bagMeeting(pi, BAG1_GOVERNOR, well + ", " + road, dup + ">" + well);
        assertThat(ldf.proposal(dup).orElseThrow().mergedIntoId()).isEqualTo(well);
        workingGroup(pi, well + ": 30000000\n" + road + ": 50000000");
        publishAndWaitForComments(pi);

        complete(pi, Elements.KHURAL_APPROVAL, CHAIR, Map.of("decisions", well + ": -\n" + road + ": -",
                "resolutionNumber", "07", "resolutionDate", year + "-07-01"));
        runJobs(pi);
        assertThat(sms(phone("97699110001"))).containsExactly(LdfTexts.refused(well));
        assertThat(sms(phone("97699110003"))).containsExactly(LdfTexts.refused(road));
        assertThat(ldf.projects(c.id())).isEmpty();

        // no project: straight to the year report and the hearing
        assertThat(waitingAt(pi)).containsExactly(Elements.ANNUAL_HEARING);
        assertThat(ldf.cycle(c.id()).status()).isEqualTo(Ldf.CycleStatus.REPORTED);
        complete(pi, Elements.ANNUAL_HEARING, OFFICE, Map.of("hearingDate", year + "-12-20", "attendance", 45));
        runJobs(pi);
        assertEnded(pi, Elements.END_CLOSED);
        assertThat(ldf.cycle(c.id()).hearingDate()).hasToString(year + "-12-20");
        assertThat(ldf.cycle(c.id()).status()).isEqualTo(Ldf.CycleStatus.CLOSED);
    }

    @Test
    void theWorkingGroupCannotShortlistMoreThanTheFundAndIsToldByHowMuch() {
        ProcessInstance pi = start(OFFICE);
        Cycle c = cycle(pi);
        long a = propose(c, BAG1, "Гүүр", phone("97699110011"));
        long b = propose(c, BAG1, "Цэцэрлэг", phone("97699110012"));
        closeWindow(pi);
        bagMeeting(pi, BAG1_GOVERNOR, a + ", " + b, null);
        assertThatThrownBy(() -> workingGroup(pi, a + ": 60000000\n" + b + ": 50000000"))
                .hasMessageContaining("10 000 000₮");
        assertThatThrownBy(() -> completeAs(pi, Elements.WORKING_GROUP_REVIEW, WORKING_GROUP_MEMBER,
                Map.of("membersPresent", 5, "decisions", a + ": 1\n" + b + ": 1")))
                .hasMessageContaining("7-оос доошгүй");
        assertThat(waitingAt(pi)).containsExactly(Elements.WORKING_GROUP_REVIEW);
    }

    @Test
    void aPoorOversightReviewGoesToTheChairAndTheGovernor() {
        ProcessInstance pi = approvedProject();
        long project = onlyProject(pi);
        contract(pi, 12_000_000);
        assertThat(ldf.project(project).glassAccount()).as("above 10 mln: Glass Account").isTrue();

        moveBy(pi, java.time.Period.ofMonths(3));
        assertThat(taskList(BAG1_REP, pi)).extracting(Task::getTaskDefinitionKey).contains(Elements.OVERSIGHT_REVIEW);
        assertThat(filterCount(BAG1_REP)).isGreaterThanOrEqualTo(1);
        complete(pi, Elements.OVERSIGHT_REVIEW, BAG1_REP, Map.of("progressPercent", 20, "quality", 1,
                "problems", "Бетон чанаргүй"));
        runJobs(pi);
        Task poor = tasksAt(pi, Elements.POOR_REVIEW).get(0);
        assertThat(taskList(CHAIR, pi)).extracting(Task::getId).contains(poor.getId());
        assertThat(taskList(GOVERNOR, pi)).extracting(Task::getId).contains(poor.getId());
        assertThat(taskList(BAG1_REP, pi)).extracting(Task::getId).doesNotContain(poor.getId());
        assertThat(ldf.reviews(project)).extracting(Ldf.Review::quality).contains(1);
        complete(pi, Elements.POOR_REVIEW, CHAIR, Map.of("actionTaken", "Гүйцэтгэгчид шаардлага хүргүүлэв"));
        runJobs(pi);
        assertThat(tasksAt(pi, Elements.POOR_REVIEW)).isEmpty();
    }

    @Test
    void aMissedQuarterlyReviewIsRemindedThenEscalatedToTheChair() {
        ProcessInstance pi = approvedProject();
        long project = onlyProject(pi);
        contract(pi, 8_000_000);
        assertThat(ldf.project(project).glassAccount()).isFalse();
        moveBy(pi, java.time.Period.ofMonths(3));
        assertThat(tasksAt(pi, Elements.OVERSIGHT_REVIEW)).hasSize(1);
        assertThat(mails(project, "delgerkhaan.bag1.rep1@sanal.example")).isEmpty();

        moveBy(pi, java.time.Period.ofDays(7));
        assertThat(mails(project, "delgerkhaan.bag1.rep1@sanal.example")).hasSize(1);
        assertThat(mails(project, "delgerkhaan.bag1.rep2@sanal.example")).hasSize(1);
        assertThat(tasksAt(pi, Elements.MISSED_REVIEW)).isEmpty();

        moveBy(pi, java.time.Period.ofDays(7));
        Task missed = tasksAt(pi, Elements.MISSED_REVIEW).get(0);
        assertThat(missed.getAssignee()).isEqualTo(CHAIR);
        assertThat(mails(project, "delgerkhaan.bag1.rep1@sanal.example")).as("reminded once").hasSize(1);
        // the review itself is still owed
        assertThat(tasksAt(pi, Elements.OVERSIGHT_REVIEW)).hasSize(1);
    }

    @Test
    void aHighVerdictClosesTheProjectAndTheYearReportFollows() {
        ProcessInstance pi = approvedProject();
        long project = onlyProject(pi);
        finishAndAccept(pi);
        for (int i = 0; i < 10; i++) {
            ldf.vote(project, phone("9769912" + String.format("%04d", i)), i < 7 ? 5 : 4);
        }
        moveBy(pi, java.time.Period.ofDays(15));
        assertThat(tasksAt(pi, Elements.VERDICT_REVIEW)).isEmpty();
        Ldf.Project p = ldf.project(project);
        assertThat(p.verdictCount()).isEqualTo(10);
        assertThat(p.verdictAverage()).isEqualByComparingTo("4.70");
        assertThat(p.verdictDistribution()).containsExactly(0, 0, 0, 3, 7);
        assertThat(p.status()).isEqualTo(Ldf.ProjectStatus.DONE);
        assertThat(waitingAt(pi)).containsExactly(Elements.ANNUAL_HEARING);
        Task hearing = tasksAt(pi, Elements.ANNUAL_HEARING).get(0);
        assertThat(String.valueOf(tasks.getVariableLocal(hearing.getId(), LdfTasks.REPORT_TEXT)))
                .contains("4.70").doesNotContain(phone("97699120001"));
        complete(pi, Elements.ANNUAL_HEARING, OFFICE, Map.of("hearingDate", year + "-12-20", "attendance", 30));
        runJobs(pi);
        assertEnded(pi, Elements.END_CLOSED);
    }

    @Test
    void aLowVerdictOpensAKhuralReview() {
        ProcessInstance pi = approvedProject();
        long project = onlyProject(pi);
        finishAndAccept(pi);
        ldf.vote(project, phone("97699130001"), 1);
        ldf.vote(project, phone("97699130002"), 2);
        assertThat(ldf.vote(project, phone("97699130002"), 5)).as("one vote per phone").isFalse();
        moveBy(pi, java.time.Period.ofDays(15));
        Task review = tasksAt(pi, Elements.VERDICT_REVIEW).get(0);
        assertThat(review.getAssignee()).isEqualTo(CHAIR);
        assertThat(ldf.project(project).verdictAverage()).isEqualByComparingTo("1.50");
        complete(pi, Elements.VERDICT_REVIEW, CHAIR, Map.of("actionTaken", "Гүйцэтгэгчээр засуулна"));
        runJobs(pi);
        assertThat(waitingAt(pi)).containsExactly(Elements.ANNUAL_HEARING);
    }

    // ------------------------------------------------------------------------------------------------ steps

    ProcessInstance approvedProject() {
        ProcessInstance pi = start(OFFICE);
        Cycle c = cycle(pi);
        long well = propose(c, BAG1, "Худаг", phone("97699120001"));
        closeWindow(pi);
        bagMeeting(pi, BAG1_GOVERNOR, String.valueOf(well), null);
        workingGroup(pi, well + ": 12000000");
        publishAndWaitForComments(pi);
        complete(pi, Elements.KHURAL_APPROVAL, CHAIR, Map.of("decisions", well + ": 12000000",
                "resolutionNumber", "12", "resolutionDate", year + "-07-01"));
        runJobs(pi);
        assertThat(sms(phone("97699120001"))).containsExactly(LdfTexts.approved(well, 12_000_000));
        assertThat(tasksAt(pi, Elements.CONTRACT)).hasSize(1);
        return pi;
    }

    void contract(ProcessInstance pi, long amount) {
        complete(pi, Elements.CONTRACT, OFFICE, Map.of("contractor", "Хэнтий Ус ХХК", "contractAmount", amount,
                "startsOn", year + "-07-15", "endsOn", year + "-10-15"));
        runJobs(pi);
    }

    void finishAndAccept(ProcessInstance pi) {
        contract(pi, 9_000_000);
        moveBy(pi, java.time.Period.ofDays(30));
        complete(pi, Elements.REPORT_PROGRESS, OFFICE, Map.of("progressPercent", 100, "finished", true));
        runJobs(pi);
        complete(pi, Elements.FINAL_REVIEW, BAG1_REP, Map.of("progressPercent", 100, "quality", 4));
        runJobs(pi);
        assertThat(tasksAt(pi, Elements.FINAL_POOR_REVIEW)).isEmpty();
        complete(pi, Elements.ACCEPTANCE, COMMISSION, Map.of("acceptedOn", year + "-09-01"));
        runJobs(pi);
        assertThat(waitingAt(pi)).contains(Elements.VERDICT_CLOSED);
    }

    void closeWindow(ProcessInstance pi) {
        ClockUtil.setCurrentTime(date(JUNE_1.withYear(year)));
        runJobs(pi);
    }

    void bagMeeting(ProcessInstance pi, String governor, String ranking, String merges) {
        Map<String, Object> v = new HashMap<>(Map.of("meetingDate", year + "-06-05", "attendance", 80,
                "ranking", ranking));
        if (merges != null) {
            v.put("merges", merges);
        }
        complete(pi, Elements.BAG_MEETING, governor, v);
        runJobs(pi);
        assertThat(waitingAt(pi)).containsExactly(Elements.WORKING_GROUP_REVIEW);
    }

    void workingGroup(ProcessInstance pi, String decisions) {
        completeAs(pi, Elements.WORKING_GROUP_REVIEW, WORKING_GROUP_MEMBER, Map.of("membersPresent", 7,
                "decisions", decisions));
        runJobs(pi);
    }

    void publishAndWaitForComments(ProcessInstance pi) {
        assertThat(waitingAt(pi)).containsExactly(Elements.COMMENT_PERIOD_OVER);
        assertThat(ldf.cycle(cycle(pi).id()).status()).isEqualTo(Ldf.CycleStatus.DISCLOSED);
        moveBy(pi, java.time.Period.ofDays(15));
        assertThat(waitingAt(pi)).containsExactly(Elements.KHURAL_APPROVAL);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    ProcessInstance start(String user) {
        authenticate(user);
        try {
            return runtime.startProcessInstanceByKey(LocalDevelopmentFundProcess.KEY, Map.of(Vars.SOUM, SOUM,
                    Vars.YEAR, year, Vars.FUND_AMOUNT, FUND));
        } finally {
            identity.clearAuthentication();
        }
    }

    Cycle cycle(ProcessInstance pi) {
        return ldf.cycle((Long) runtime.getVariable(pi.getId(), Vars.CYCLE_ID));
    }

    long propose(Cycle c, String bag, String text, String phone) {
        return tx.execute(s -> ldf.propose(c, bag, text, null, phone, null, ProposalChannel.SMS, null));
    }

    long onlyProject(ProcessInstance pi) {
        List<Ldf.Project> projects = ldf.projects(cycle(pi).id());
        assertThat(projects).hasSize(1);
        return projects.get(0).id();
    }

    void complete(ProcessInstance pi, String key, String user, Map<String, Object> vars) {
        completeAs(pi, key, user, vars);
    }

    /** Completes the user's task with that key (one they can see in their list) as that user. */
    void completeAs(ProcessInstance pi, String key, String user, Map<String, Object> vars) {
        Task t = taskList(user, pi).stream().filter(x -> x.getTaskDefinitionKey().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError(user + " has no " + key + " task; waiting at " + waitingAt(pi)));
        authenticate(user);
        try {
            tasks.complete(t.getId(), vars);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The tasks the user sees in Tasklist (their groups' and their own), of this instance. */
    List<Task> taskList(String user, ProcessInstance pi) {
        authenticate(user);
        try {
            return tasks.createTaskQuery().processInstanceId(pi.getId()).or().taskCandidateUser(user)
                    .taskAssignee(user).endOr().list();
        } finally {
            identity.clearAuthentication();
        }
    }

    long filterCount(String user) {
        authenticate(user);
        try {
            var f = engine.getFilterService().createFilterQuery().filterName(LdfAccess.MY_REVIEWS_FILTER).singleResult();
            return engine.getFilterService().count(f.getId());
        } finally {
            identity.clearAuthentication();
        }
    }

    void authenticate(String user) {
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identity.setAuthentication(user, groups);
    }

    List<Task> tasksAt(ProcessInstance pi, String key) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
    }

    List<String> waitingAt(ProcessInstance pi) {
        if (runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0) {
            return List.of();
        }
        return runtime.getActiveActivityIds(pi.getId()).stream().distinct().toList();
    }

    void assertEnded(ProcessInstance pi, String endEvent) {
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(endEvent).count()).isEqualTo(1);
    }

    /** Moves time on and runs this instance's due jobs: a timer moved past fires, and what it started runs on. */
    void moveBy(ProcessInstance pi, java.time.temporal.TemporalAmount amount) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().atZone(ZoneOffset.ofHours(8))
                .plus(amount).toInstant()));
        runJobs(pi);
    }

    void runJobs(ProcessInstance pi) {
        for (int i = 0; i < 200; i++) {
            List<Job> due = management.createJobQuery().processInstanceId(pi.getId()).executable().list();
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get(0).getId());
        }
        fail("jobs keep coming");
    }

    List<String> sms(String phone) {
        return jdbc.sql("SELECT body FROM outbox WHERE channel = 'SMS' AND recipient = ? ORDER BY id").param(phone)
                .query(String.class).list();
    }

    /** The mails about this project to the address. */
    List<String> mails(long project, String address) {
        return jdbc.sql("SELECT body FROM outbox WHERE channel = 'EMAIL' AND recipient = ? AND message_key LIKE ? "
                + "ORDER BY id").params(address, "ldf:project:" + project + ":%").query(String.class).list();
    }

    /** A phone number of this test alone (the tests share one database). */
    String phone(String base) {
        return base.substring(0, 3) + (year % 100) + base.substring(5);
    }

    static Date date(OffsetDateTime t) {
        return Date.from(t.toInstant());
    }
}
