package mn.sanal.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.impl.jobexecutor.BackoffJobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultJobConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;

/**
 * The job executor of every node: the Spring Boot starter's, set from {@code camunda.bpm.job-execution} as the
 * starter sets it, with one change to when it looks for more jobs while its queue is full.
 *
 * <p>Camunda's acquisition looks again at once (no wait) after a round in which the queue took some of the jobs it
 * found and refused the rest. The refused jobs stay locked and go first next round, and the round asks only for as
 * many new jobs as were refused fewer. Under a flood that means one acquisition query and its lock updates for every
 * two or three jobs: the queue has room for only the few that finished in the milliseconds since the last round. In the
 * deadline storm (10,000 timers due at once, two nodes) that was 2,098 acquisitions, 4.2 s of the database's 28 s, and
 * 2,005 lock updates lost to the other node, which found the same rows (issue 14, README "The deadline storm").
 *
 * <p>Here a round in which the queue refused any job is followed by {@code fullQueueWait} (default 100 ms, Camunda's
 * own pause when it refused every job): the threads keep working on the queue, and the next round finds room for
 * the jobs that finished meanwhile. Nothing else changes: an idle node backs off as before, a lost lock backs off as
 * before, and a node whose queue has room looks again at once.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "camunda.bpm.job-execution", name = "enabled", havingValue = "true",
        matchIfMissing = true) // as the starter's executor and its thread pool
class JobAcquisition {

    @Bean
    JobExecutor jobExecutor(
            @Qualifier(DefaultJobConfiguration.JobConfiguration.CAMUNDA_TASK_EXECUTOR_QUALIFIER) TaskExecutor tasks,
            CamundaBpmProperties properties,
            @Value("${sanal.job-execution.full-queue-wait:PT0.1S}") Duration fullQueueWait) {
        Executor executor = new Executor(fullQueueWait.toMillis());
        executor.setTaskExecutor(tasks);
        executor.setRejectedJobsHandler(new NotifyAcquisitionRejectedJobsHandler());
        // what the starter's DefaultJobConfiguration sets, from the same properties
        JobExecutionProperty p = properties.getJobExecution();
        Optional.ofNullable(p.getLockTimeInMillis()).ifPresent(executor::setLockTimeInMillis);
        Optional.ofNullable(p.getMaxJobsPerAcquisition()).ifPresent(executor::setMaxJobsPerAcquisition);
        Optional.ofNullable(p.getWaitTimeInMillis()).ifPresent(executor::setWaitTimeInMillis);
        Optional.ofNullable(p.getMaxWait()).ifPresent(executor::setMaxWait);
        Optional.ofNullable(p.getBackoffTimeInMillis()).ifPresent(executor::setBackoffTimeInMillis);
        Optional.ofNullable(p.getMaxBackoff()).ifPresent(executor::setMaxBackoff);
        Optional.ofNullable(p.getBackoffDecreaseThreshold()).ifPresent(executor::setBackoffDecreaseThreshold);
        Optional.ofNullable(p.getWaitIncreaseFactor()).ifPresent(executor::setWaitIncreaseFactor);
        return executor;
    }

    /** The starter's executor whose acquisition thread uses {@link Strategy}. */
    static final class Executor extends SpringJobExecutor {

        private final long fullQueueWait;

        Executor(long fullQueueWait) {
            this.fullQueueWait = fullQueueWait;
        }

        long fullQueueWait() {
            return fullQueueWait;
        }

        @Override
        protected void ensureInitialization() {
            super.ensureInitialization();
            // a SequentialJobAcquisitionRunnable still: NotifyAcquisitionRejectedJobsHandler reports to its context
            acquireJobsRunnable = new SequentialJobAcquisitionRunnable(this) {
                @Override
                protected JobAcquisitionStrategy initializeAcquisitionStrategy() {
                    return new Strategy(jobExecutor, fullQueueWait);
                }
            };
        }
    }

    /** Camunda's backoff strategy, and a pause of at least {@code fullQueueWait} after the queue refused a job. */
    static final class Strategy extends BackoffJobAcquisitionStrategy {

        private final long fullQueueWait;
        private boolean queueFull;

        Strategy(JobExecutor executor, long fullQueueWait) {
            super(executor);
            this.fullQueueWait = fullQueueWait;
        }

        @Override
        public void reconfigure(JobAcquisitionContext context) {
            super.reconfigure(context);
            queueFull = context.getRejectedJobsByEngine().values().stream().anyMatch(Strategy::notEmpty);
        }

        private static boolean notEmpty(List<List<String>> batches) {
            return batches != null && !batches.isEmpty();
        }

        @Override
        public long getWaitTime() {
            long wait = super.getWaitTime();
            return queueFull ? Math.max(wait, fullQueueWait) : wait;
        }

        /** For tests: the jobs the next round asks for, per engine. */
        Map<String, Integer> jobsToAcquire() {
            return Map.copyOf(jobsToAcquire);
        }
    }
}
