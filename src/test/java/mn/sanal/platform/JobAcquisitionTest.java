package mn.sanal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link JobAcquisition}: Camunda's acquisition rounds, with a pause after a round in which the queue refused a job,
 * and the engine runs on that executor with the settings of {@code camunda.bpm.job-execution}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"camunda.bpm.job-execution.enabled=true", "sanal.job-execution.full-queue-wait=PT0.25S"})
@ActiveProfiles("test")
class JobAcquisitionTest {

    private static final String ENGINE = "default";

    @Autowired
    ProcessEngine engine;

    @Test
    void theEngineRunsOnThisExecutorWithTheStartersSettings() {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getJobExecutor();
        assertThat(executor).isInstanceOf(JobAcquisition.Executor.class);
        assertThat(((JobAcquisition.Executor) executor).fullQueueWait()).isEqualTo(250);
        // application.yaml: lock 20 s, 3 jobs per acquisition, idle looks at least every 5 s, backoff 30..300 ms
        assertThat(executor.getLockTimeInMillis()).isEqualTo(20_000);
        assertThat(executor.getMaxJobsPerAcquisition()).isEqualTo(3);
        assertThat(executor.getMaxWait()).isEqualTo(5_000);
        assertThat(executor.getBackoffTimeInMillis()).isEqualTo(30);
        assertThat(executor.getMaxBackoff()).isEqualTo(300);
    }

    @Test
    void aRoundWhoseJobsAllFitLooksAgainAtOnce() {
        JobAcquisition.Strategy strategy = strategy();
        strategy.reconfigure(round(acquired(3, "a", "b", "c"), List.of()));
        assertThat(strategy.getWaitTime()).isZero();
        assertThat(strategy.getNumJobsToAcquire(ENGINE)).isEqualTo(3);
    }

    @Test
    void aRoundWhoseQueueRefusedSomeJobsWaitsWhereCamundaWouldNot() {
        JobAcquisition.Strategy strategy = strategy();
        strategy.reconfigure(round(acquired(3, "a", "b", "c"), List.of("c")));
        assertThat(strategy.getWaitTime()).as("Camunda: 0").isEqualTo(100);
        assertThat(strategy.getNumJobsToAcquire(ENGINE)).as("the refused job goes first next round").isEqualTo(2);

        strategy.reconfigure(round(acquired(2, "d", "e"), List.of()));
        assertThat(strategy.getWaitTime()).as("room again").isZero();
    }

    @Test
    void aRoundWhoseQueueRefusedEveryJobWaitsAsInCamunda() {
        JobAcquisition.Strategy strategy = strategy();
        strategy.reconfigure(round(acquired(3, "a", "b", "c"), List.of("a", "b", "c")));
        assertThat(strategy.getWaitTime()).isEqualTo(100);
        assertThat(strategy.getNumJobsToAcquire(ENGINE)).isZero();
    }

    @Test
    void anIdleNodeAndALostLockBackOffAsInCamunda() {
        JobAcquisition.Strategy idle = strategy();
        idle.reconfigure(round(acquired(3, "a"), List.of()));
        assertThat(idle.getWaitTime()).as("fewer jobs than asked for: idle, the base wait").isEqualTo(1_000);
        idle.reconfigure(round(acquired(3), List.of()));
        assertThat(idle.getWaitTime()).isEqualTo(2_000);

        JobAcquisition.Strategy lost = strategy();
        AcquiredJobs withLostLock = acquired(3, "a", "b", "c");
        withLostLock.removeJobId("a");
        lost.reconfigure(round(withLostLock, List.of()));
        assertThat(lost.getWaitTime()).as("backoff 30 ms plus up to half of it").isBetween(30L, 45L);
        assertThat(lost.getNumJobsToAcquire(ENGINE)).as("and asks for more").isEqualTo(6);

        JobAcquisition.Strategy lostAndFull = strategy();
        AcquiredJobs lostOne = acquired(3, "a", "b", "c");
        lostOne.removeJobId("a");
        lostAndFull.reconfigure(round(lostOne, List.of("b")));
        assertThat(lostAndFull.getWaitTime()).as("the longer of the two").isEqualTo(100);
    }

    private static JobAcquisition.Strategy strategy() {
        JobAcquisition.Executor executor = new JobAcquisition.Executor(100);
        executor.setMaxJobsPerAcquisition(3);
        executor.setWaitTimeInMillis(1_000);
        executor.setMaxWait(5_000);
        executor.setBackoffTimeInMillis(30);
        executor.setMaxBackoff(300);
        return new JobAcquisition.Strategy(executor, executor.fullQueueWait());
    }

    private static AcquiredJobs acquired(int asked, String... jobIds) {
        AcquiredJobs jobs = new AcquiredJobs(asked);
        for (String id : jobIds) {
            jobs.addJobIdBatch(id);
        }
        return jobs;
    }

    /** One acquisition round: what was acquired, and which of those jobs the queue refused. */
    private static JobAcquisitionContext round(AcquiredJobs acquired, List<String> refused) {
        JobAcquisitionContext context = new JobAcquisitionContext();
        context.setAcquisitionTime(System.currentTimeMillis());
        context.submitAcquiredJobs(ENGINE, acquired);
        for (String id : refused) {
            context.submitRejectedBatch(ENGINE, List.of(id));
        }
        return context;
    }
}
