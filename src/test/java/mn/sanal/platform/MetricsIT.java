package mn.sanal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

import mn.sanal.support.Citizen;
import mn.sanal.support.Http;
import mn.sanal.support.IntegrationTest;

/**
 * Issue 14: the people who run Sanal scrape its metrics with a login (an administrator here); without one, or as an
 * official, they get nothing. The figures are there: messages in per channel and kind, outbox depth and oldest age
 * per channel, jobs due and failed, incidents, open and overdue cases. Readiness follows the job executor.
 */
@AutoConfigureObservability(tracing = false)
class MetricsIT extends IntegrationTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void theMetricsNeedALoginOfAnOperator() {
        assertThat(http().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(http().as("demo", "wrong").get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(as("sumber.health").get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(as("sumber.health").get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(as("demo").get("/actuator/prometheus").status()).isEqualTo(200);
    }

    @Test
    void aScrapeShowsWhatCameInAndWhatWaits() {
        new Citizen(http()).fileHealthComplaint("Эмнэлгийн хаалга эвдэрсэн байна.");
        eventually().untilAsserted(() -> {
            String body = as("demo").get("/actuator/prometheus").body();
            assertThat(body).containsPattern("sanal_intake_messages_total\\{[^}]*channel=\"WEB\"[^}]*kind=\"PETITION\"[^}]*\\} 1\\.0");
            assertThat(body).containsPattern("sanal_cases_open\\{[^}]*\\} [1-9]");
        });
        String body = as("demo").get("/actuator/prometheus").body();
        assertThat(body).containsPattern("sanal_outbox_depth\\{[^}]*channel=\"SMS\"");
        assertThat(body).containsPattern("sanal_outbox_oldest_age_seconds\\{[^}]*channel=\"EMAIL\"");
        assertThat(body).contains("sanal_jobs_due", "sanal_jobs_failed", "sanal_incidents_open", "sanal_cases_overdue");
        assertThat(body).containsPattern("sanal_sms_bound\\{[^}]*bind=\"receiver\"");
    }

    @Test
    void readyOnlyWhileTheJobExecutorRuns() {
        Http.Response ready = http().get("/actuator/health/readiness");
        assertThat(ready.status()).as("%s", ready).isEqualTo(200);
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getJobExecutor();
        executor.shutdown();
        try {
            assertThat(http().get("/actuator/health/readiness").status()).isEqualTo(503);
            assertThat(http().get("/actuator/health/liveness").status()).isEqualTo(200);
        } finally {
            executor.start();
        }
        assertThat(http().get("/actuator/health/readiness").status()).isEqualTo(200);
    }
}
