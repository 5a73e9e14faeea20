package mn.sanal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 14: Camunda's history is cleaned up. The engine runs with the configured batch window (22:00-06:00) and the
 * removal-time strategy: a finished instance gets its removal time (end + history time to live) and the cleanup job
 * removes its history once that time has passed, and not before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class HistoryCleanupTest {

    private static final String KEY = "HistoryCleanupProbe";

    @Autowired
    ProcessEngine engine;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theEngineCleansByRemovalTimeAtNight() {
        ProcessEngineConfigurationImpl c = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(c.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(c.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(c.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
        assertThat(c.getHistoryCleanupBatchWindowEndTime()).isEqualTo("06:00");
        assertThat(c.getHistoryTimeToLive()).isEqualTo("P1095D");
    }

    @Test
    void aFinishedInstanceIsRemovedOnceItsTimeToLiveHasPassed() {
        RepositoryService repository = engine.getRepositoryService();
        RuntimeService runtime = engine.getRuntimeService();
        TaskService tasks = engine.getTaskService();
        HistoryService history = engine.getHistoryService();
        ManagementService management = engine.getManagementService();
        repository.createDeployment().addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY)
                .camundaHistoryTimeToLive(30).startEvent().userTask("Task_Probe").endEvent().done()).deploy();

        Date start = new Date();
        ClockUtil.setCurrentTime(start);
        String id = runtime.startProcessInstanceByKey(KEY).getId();
        tasks.complete(tasks.createTaskQuery().processInstanceId(id).singleResult().getId());
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getRemovalTime())
                .as("removal time = end + 30 days").isEqualTo(new Date(start.getTime() + 30L * 24 * 3600 * 1000));

        // 29 days later: the cleanup runs and keeps it
        ClockUtil.setCurrentTime(new Date(start.getTime() + 29L * 24 * 3600 * 1000));
        runCleanup(history, management);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).count()).isEqualTo(1);

        // 31 days later: gone, with its activities
        ClockUtil.setCurrentTime(new Date(start.getTime() + 31L * 24 * 3600 * 1000));
        runCleanup(history, management);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).count()).isZero();
    }

    private static void runCleanup(HistoryService history, ManagementService management) {
        history.cleanUpHistoryAsync(true);
        List<Job> jobs = history.findHistoryCleanupJobs();
        assertThat(jobs).isNotEmpty();
        for (Job j : jobs) {
            management.executeJob(j.getId());
        }
    }
}
