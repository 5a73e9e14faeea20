package mn.sanal.petitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import mn.sanal.calendar.WorkingDays;
import mn.sanal.intake.IntakeService;
import mn.sanal.petitions.PetitionHandlingProcess.Elements;
import mn.sanal.petitions.PetitionHandlingProcess.Vars;

/**
 * Issue 13: the law's 30 days are calendar days; PetitionDeadlines.dmn's policy {@code dueOnWorkingDay} may move a due
 * date off a day off. Shipped: off (the date stays). On: the next working day. And when the administrator changes the
 * calendar, a running case's due date, task, timers and row follow, with a line in its history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class WorkingDayPolicyProcessTest {

    static final ZoneOffset UB = ZoneOffset.ofHours(8);
    /** Monday 19 January 2026: 30 days on is Wednesday 18 February, Tsagaan Sar's first day. */
    static final OffsetDateTime BEFORE_TSAGAAN_SAR = OffsetDateTime.of(2026, 1, 19, 10, 0, 0, 0, UB);
    static final OffsetDateTime TSAGAAN_SAR = OffsetDateTime.of(2026, 2, 18, 23, 59, 59, 0, UB);
    /** Feb 18-20 Tsagaan Sar, 21-22 a weekend. */
    static final OffsetDateTime AFTER_TSAGAAN_SAR = OffsetDateTime.of(2026, 2, 23, 23, 59, 59, 0, UB);

    @Autowired
    ProcessEngine engine;
    @Autowired
    IntakeService intake;
    @Autowired
    PetitionService petitions;
    @Autowired
    WorkingDays calendar;

    ProcessCases cases;
    String policyDeployment;

    @BeforeEach
    void setUp() {
        cases = new ProcessCases(engine, intake);
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        if (policyDeployment != null) {
            engine.getRepositoryService().deleteDeployment(policyDeployment, true);
        }
        calendar.overrides(2026).forEach(o -> calendar.removeOverride(o.date(), "test"));
    }

    @Test
    void shippedPolicyKeepsADueDateThatFallsOnTsagaanSar() {
        ProcessInstance pi = routedAt(BEFORE_TSAGAAN_SAR);
        assertDue(pi, TSAGAAN_SAR);
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), Vars.CALENDAR_DUE_DATE))
                .isEqualTo(ProcessCases.date(TSAGAAN_SAR));
    }

    @Test
    void withTheWorkingDayPolicyADueDateOnTsagaanSarMovesToTheNextWorkingDay() {
        workingDayPolicy();
        ProcessInstance pi = routedAt(BEFORE_TSAGAAN_SAR);
        assertDue(pi, AFTER_TSAGAAN_SAR);
        // the law's date is kept beside it
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), Vars.CALENDAR_DUE_DATE))
                .isEqualTo(ProcessCases.date(TSAGAAN_SAR));
        assertThat(cases.timer(pi.getId(), Elements.REMINDER_START).getDuedate())
                .isEqualTo(ProcessCases.date(AFTER_TSAGAAN_SAR.minusDays(5)));
    }

    @Test
    void whenTheAdministratorMakesTheDueDayADayOffTheRunningCaseFollowsAndSaysWhy() {
        workingDayPolicy();
        // Tuesday 9 June 2026 + 30 days = Thursday 9 July, a working day; July 10-15 are Naadam
        ProcessInstance pi = routedAt(OffsetDateTime.of(2026, 6, 9, 10, 0, 0, 0, UB));
        OffsetDateTime july9 = OffsetDateTime.of(2026, 7, 9, 23, 59, 59, 0, UB);
        assertDue(pi, july9);
        Task before = cases.task(pi.getId());

        calendar.setOverride(LocalDate.of(2026, 7, 9), false, "Засгийн газрын тогтоол: наадмын өмнөх өдөр", "demo");

        OffsetDateTime july16 = OffsetDateTime.of(2026, 7, 16, 23, 59, 59, 0, UB);
        assertDue(pi, july16);
        Task after = cases.task(pi.getId());
        assertThat(after.getId()).isEqualTo(before.getId());
        assertThat(after.getFollowUpDate()).isEqualTo(ProcessCases.date(july16.minusDays(5)));
        assertThat(cases.timer(pi.getId(), Elements.REMINDER_START).getDuedate())
                .isEqualTo(ProcessCases.date(july16.minusDays(5)));
        Petition p = petitions.get(((Number) engine.getRuntimeService().getVariable(pi.getId(), Vars.PETITION_ID))
                .longValue());
        assertThat(p.dueAt()).isEqualTo(july16);
        assertThat(petitions.history(p.id())).last().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("demo");
            assertThat(e.note()).contains("наадмын өмнөх өдөр", "2026.07.09 -> 2026.07.16");
        });

        // the administrator takes it back: the case returns to July 9
        calendar.removeOverride(LocalDate.of(2026, 7, 9), "demo");
        assertDue(pi, july9);
    }

    private void assertDue(ProcessInstance pi, OffsetDateTime due) {
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), Vars.PETITION_DUE_DATE))
                .isEqualTo(ProcessCases.date(due));
        assertThat(cases.task(pi.getId()).getDueDate()).isEqualTo(ProcessCases.date(due));
        assertThat(cases.timer(pi.getId(), Elements.DEADLINE_START).getDuedate()).isEqualTo(ProcessCases.date(due));
        long id = ((Number) engine.getRuntimeService().getVariable(pi.getId(), Vars.PETITION_ID)).longValue();
        assertThat(petitions.get(id).dueAt()).isEqualTo(due);
    }

    private ProcessInstance routedAt(OffsetDateTime receivedAt) {
        ClockUtil.setCurrentTime(ProcessCases.date(receivedAt));
        ProcessInstance pi = cases.instance(cases.submit(PetitionType.COMPLAINT, "HEALTH"));
        cases.executeDueJobs(pi.getId());
        assertThat(cases.task(pi.getId()).getTaskDefinitionKey()).isEqualTo(Elements.RESOLVE);
        return pi;
    }

    /** The owner's change: the complaints' row of PetitionDeadlines.dmn says true, deployed alone. */
    private void workingDayPolicy() {
        String dmn = ProcessCases.shipped().get("PetitionDeadlines.dmn");
        String on = dmn.replaceFirst(
                "(<outputEntry id=\"OutputEntry_Complaint_dueOnWorkingDay\">\\s*<text>)false(</text>)", "$1true$2");
        assertThat(on).isNotEqualTo(dmn);
        policyDeployment = engine.getRepositoryService().createDeployment().name("working-day policy")
                .addString("PetitionDeadlines.dmn", on).deploy().getId();
    }
}
