package mn.sanal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Failed-job incidents open, resolve and go with their case as in Camunda with {@link FailedJobIncidents}, which asks
 * nothing when a job that never failed ends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailedJobIncidentsTest {

    private static final String KEY = "FailedJobIncidentsProbe";

    @Autowired
    ProcessEngine engine;

    @BeforeAll
    void deploy() {
        // the overdue mark without a petitionId variable: fails every time
        engine.getRepositoryService().createDeployment().addModelInstance(KEY + ".bpmn",
                Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(30).startEvent()
                        .serviceTask("Task_Failing").camundaAsyncBefore().camundaDelegateExpression("${markOverdue}")
                        .endEvent().done()).deploy();
    }

    @Test
    void incidentsOpenResolveAndGoAsInCamunda() {
        RuntimeService runtime = engine.getRuntimeService();
        ManagementService management = engine.getManagementService();
        String instance = runtime.startProcessInstanceByKey(KEY).getId();
        String job = jobOf(instance);
        assertThat(mayHaveIncident(job)).as("a job that never failed").isFalse();

        assertThatThrownBy(() -> management.executeJob(job)).isNotNull();
        assertThat(mayHaveIncident(job)).as("a job that failed once").isTrue();
        assertThatThrownBy(() -> management.executeJob(job)).isNotNull();
        assertThatThrownBy(() -> management.executeJob(job)).isNotNull();
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isOne();

        management.setJobRetries(job, 1);
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).as("resolved").isZero();
        assertThat(engine.getHistoryService().createHistoricIncidentQuery().processInstanceId(instance).resolved()
                .count()).isOne();

        assertThatThrownBy(() -> management.executeJob(job)).isNotNull();
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).as("open again").isOne();
        runtime.deleteProcessInstance(instance, "probe");
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).as("gone with the case")
                .isZero();
    }

    @Test
    void aJobWithNoRetriesLeftIsAskedAbout() {
        RuntimeService runtime = engine.getRuntimeService();
        ManagementService management = engine.getManagementService();
        String instance = runtime.startProcessInstanceByKey(KEY).getId();
        String job = jobOf(instance);
        management.setJobRetries(job, 0);
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isOne();
        assertThat(mayHaveIncident(job)).as("no retries, no exception").isTrue();
        management.setJobRetries(job, 2);
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
        runtime.deleteProcessInstance(instance, "probe");
    }

    private String jobOf(String instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult().getId();
    }

    private boolean mayHaveIncident(String jobId) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute((Command<Boolean>) c -> {
            c.getJobManager().findJobById(jobId);
            IncidentContext context = new IncidentContext();
            context.setConfiguration(jobId);
            return FailedJobIncidents.Handler.mayHaveIncident(context);
        });
    }
}
