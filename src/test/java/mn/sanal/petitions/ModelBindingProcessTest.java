package mn.sanal.petitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
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
import mn.sanal.petitions.PetitionHandlingProcess.Vars;

/**
 * Issue 13: what a process owner's deployment changes for cases already running. Forms are bound by deployment
 * ({@code camunda:formRefBinding="deployment"}): a case keeps the forms of the version it started with, a new version's
 * changed form reaches new cases only. Decisions are bound by latest ({@code decisionRefBinding="latest"}): a DMN
 * deployed alone is used from the next evaluation on, by running cases too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class ModelBindingProcessTest {

    /** Monday 2 March 2026, 10:00 in Ulaanbaatar; 30 days on: Wednesday 1 April, end of day. */
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    static final OffsetDateTime DUE = OffsetDateTime.of(2026, 4, 1, 23, 59, 59, 0, ZoneOffset.ofHours(8));

    @Autowired
    ProcessEngine engine;
    @Autowired
    IntakeService intake;

    ProcessCases cases;

    @BeforeEach
    void setUp() {
        cases = new ProcessCases(engine, intake);
        ClockUtil.setCurrentTime(ProcessCases.date(T0));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aRunningCaseKeepsItsFormWhenAChangedFormIsDeployedWithANewVersion() throws IOException {
        ProcessInstance before = routed();
        Task running = cases.task(before.getId());
        assertThat(running.getTaskDefinitionKey()).isEqualTo(Elements.RESOLVE);

        Map<String, String> files = ProcessCases.shipped();
        String form = files.get("ResolvePetition.form");
        String changed = form.replaceFirst("\"label\": \"", "\"label\": \"ШИНЭ ");
        assertThat(changed).isNotEqualTo(form);
        files.put("ResolvePetition.form", changed);
        String deployment = deploy("ResolvePetition changed", files);
        try {
            assertThat(formOf(running)).isEqualTo(form).doesNotContain("ШИНЭ");
            ProcessInstance after = routed();
            assertThat(after.getProcessDefinitionId()).isNotEqualTo(before.getProcessDefinitionId());
            assertThat(formOf(cases.task(after.getId()))).contains("ШИНЭ");
            // and the running case's form still is the old one after the new case
            assertThat(formOf(cases.task(before.getId()))).isEqualTo(form);
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    @Test
    void aDecisionDeployedAloneIsUsedByRunningCasesFromTheirNextEvaluation() {
        // received, not yet past the deadlines decision: waiting at the start event's save point
        Petition p = cases.submit(PetitionType.COMPLAINT, "HEALTH");
        ProcessInstance pi = cases.instance(p);
        String definition = pi.getProcessDefinitionId();

        String deadlines = ProcessCases.shipped().get("PetitionDeadlines.dmn");
        String threeDays = deadlines.replaceFirst(
                "(<outputEntry id=\"OutputEntry_Complaint_reminderDaysBefore\">\\s*<text>)5(</text>)", "$13$2");
        assertThat(threeDays).isNotEqualTo(deadlines);
        String deployment = deploy("PetitionDeadlines alone", Map.of("PetitionDeadlines.dmn", threeDays));
        try {
            cases.executeDueJobs(pi.getId());
            assertThat(cases.task(pi.getId()).getTaskDefinitionKey()).isEqualTo(Elements.RESOLVE);
            assertThat(engine.getRuntimeService().getVariable(pi.getId(), Vars.REMINDER_DATE))
                    .isEqualTo(ProcessCases.date(DUE.minusDays(3)));
            assertThat(engine.getRuntimeService().getVariable(pi.getId(), Vars.PETITION_DUE_DATE))
                    .isEqualTo(ProcessCases.date(DUE));
            // the flow is the one it started with: only the rule changed
            assertThat(cases.instance(p).getProcessDefinitionId()).isEqualTo(definition);
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
        // rolled back (the owner's way: deploy the previous table again; here the test's deployment is deleted)
        ProcessInstance next = routed();
        assertThat(engine.getRuntimeService().getVariable(next.getId(), Vars.REMINDER_DATE))
                .isEqualTo(ProcessCases.date(DUE.minusDays(5)));
    }

    private ProcessInstance routed() {
        Petition p = cases.submit(PetitionType.COMPLAINT, "HEALTH");
        ProcessInstance pi = cases.instance(p);
        cases.executeDueJobs(pi.getId());
        return pi;
    }

    private String formOf(Task task) throws IOException {
        try (InputStream in = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String deploy(String name, Map<String, String> files) {
        DeploymentBuilder builder = engine.getRepositoryService().createDeployment().name(name);
        files.forEach(builder::addString);
        return builder.deploy().getId();
    }
}
