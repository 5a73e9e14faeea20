package mn.sanal.platform;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * UP while this node's job executor acquires and runs jobs (timers, async continuations); part of the readiness
 * group, so a node whose executor stopped is taken out of the proxy's rotation.
 */
@Component("jobExecution")
class JobExecutionHealth extends AbstractHealthIndicator {

    private final ProcessEngine engine;

    JobExecutionHealth(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getJobExecutor();
        if (executor != null && executor.isActive()) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
