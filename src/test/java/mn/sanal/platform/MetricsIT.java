package mn.sanal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
    void theMetricsNeedALoginOfAnOperator() throws Exception {
        assertThat(scrape(null).statusCode()).isEqualTo(401);
        // (a wrong password delays that user's next login by 3 s: another user's is tried)
        assertThat(scrape("owner:wrong").statusCode()).isEqualTo(401);
        assertThat(scrape("sumber.health:" + DEMO_PASSWORD).statusCode()).isEqualTo(403);
        assertThat(as("sumber.health").get("/actuator/metrics").status()).isEqualTo(403);
        HttpResponse<String> ok = scrape("demo:" + DEMO_PASSWORD);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("sanal_cases_open");
    }

    @Test
    void aScrapeShowsWhatCameInAndWhatWaits() throws Exception {
        new Citizen(http()).fileHealthComplaint("Эмнэлгийн хаалга эвдэрсэн байна.");
        eventually().untilAsserted(() -> {
            String body = scrape("demo:" + DEMO_PASSWORD).body();
            assertThat(body).containsPattern("sanal_intake_messages_total\\{[^}]*channel=\"WEB\"[^}]*kind=\"PETITION\"[^}]*\\} 1\\.0");
            assertThat(body).containsPattern("sanal_cases_open\\{[^}]*\\} [1-9]");
        });
        String body = scrape("demo:" + DEMO_PASSWORD).body();
        assertThat(body).containsPattern("sanal_outbox_depth\\{[^}]*channel=\"SMS\"");
        assertThat(body).containsPattern("sanal_outbox_oldest_age_seconds\\{[^}]*channel=\"EMAIL\"");
        assertThat(body).contains("sanal_jobs_due", "sanal_jobs_failed", "sanal_incidents_open", "sanal_cases_overdue");
        assertThat(body).containsPattern("sanal_sms_bound\\{[^}]*bind=\"receiver\"");
    }

    /** As Prometheus scrapes: no Accept header of JSON (the Http helper's would get 406). */
    private HttpResponse<String> scrape(String basic) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"));
        if (basic != null) {
            r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    basic.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
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
