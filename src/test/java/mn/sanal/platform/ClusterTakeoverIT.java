package mn.sanal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import mn.sanal.support.Citizen;
import mn.sanal.support.IntegrationTest;
import mn.sanal.support.SecondNode;

/**
 * Issue 14: a node killed (kill -9) in the middle of work. Node B (its own process) runs the petitions' jobs and
 * sends their acknowledgements slowly; node A (this test's context) has its job executor stopped until B dies, so B
 * alone holds job locks and outbox claims at the kill. After the kill A takes over: B's job locks run out after the
 * configured lock time (20 s), A's heartbeat finds B dead after the node timeout (20 s) and releases its claims. Every
 * citizen who filed gets an acknowledgement, one each, within 60 s of the kill; no row B sent is sent again.
 */
@ActiveProfiles(value = {"postgres", "it", "slow-sender"}, inheritProfiles = false)
class ClusterTakeoverIT extends IntegrationTest {

    private static final int PETITIONS = 150;
    static final Path SENT_BY_A = Path.of("target", "cluster-it", "node-a-sent.txt").toAbsolutePath();

    @DynamicPropertySource
    static void sentRecord(DynamicPropertyRegistry r) {
        r.add("sanal.test.sent-record", SENT_BY_A::toString);
    }

    @Value("${spring.datasource.url}")
    String dbUrl;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aKilledNodesJobsAndClaimsAreTakenOverWithinAMinute_nothingTwice() throws Exception {
        Path sentByB = Path.of("target", "cluster-it", "node-b-sent.txt").toAbsolutePath();
        Files.createDirectories(sentByB.getParent());
        Files.deleteIfExists(sentByB);
        Files.deleteIfExists(SENT_BY_A);
        JobExecutor mine = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        OffsetDateTime killedAt;
        try (SecondNode b = SecondNode.start("node-b", dbUrl, "--spring.profiles.active=postgres,it,slow-sender",
                "--sanal.test.sent-record=" + sentByB, "--camunda.bpm.job-execution.max-jobs-per-acquisition=10")) {
            mine.shutdown();
            Citizen citizen = new Citizen(http());
            for (int i = 0; i < PETITIONS; i++) {
                Map<String, String> form = Citizen.healthComplaint("Эмнэлэгт эмч алга " + i);
                form.put("phone", "99" + (100000 + i));
                assertThat(citizen.file(form).status()).isEqualTo(201);
            }
            // B holds work: jobs locked (only B's executor runs) and acknowledgements claimed by B; killed at once
            int[] atKill = new int[2];
            Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> {
                atKill[0] = lockedJobs();
                atKill[1] = claimedBy("node-b/%");
                return atKill[0] > 0 && atKill[1] > 0;
            });
            b.kill();
            int lockedAtKill = atKill[0];
            int claimedAtKill = atKill[1];
            killedAt = OffsetDateTime.now();
            mine.start();
            System.out.printf("ClusterTakeoverIT: node-b killed holding %d job locks and %d outbox claims%n",
                    lockedAtKill, claimedAtKill);
            assertThat(lockedAtKill).isPositive();
            assertThat(claimedAtKill).isPositive();
        }

        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                acknowledgementsSent() == PETITIONS);
        OffsetDateTime lastSent = jdbc.sql("SELECT max(sent_at) FROM outbox WHERE kind = 'ACKNOWLEDGED'")
                .query(OffsetDateTime.class).single();
        Duration afterKill = Duration.between(killedAt, lastSent);
        System.out.printf("ClusterTakeoverIT: every acknowledgement sent %.1f s after the kill%n",
                afterKill.toMillis() / 1000.0);
        assertThat(afterKill).as("the last acknowledgement after the kill").isLessThanOrEqualTo(Duration.ofSeconds(60));

        // one acknowledgement per petition, each sent once
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE kind = 'ACKNOWLEDGED'").query(Integer.class).single())
                .isEqualTo(PETITIONS);
        Set<Long> bSent = Files.readAllLines(sentByB).stream().filter(l -> !l.isBlank()).map(Long::valueOf)
                .collect(Collectors.toSet());
        List<Long> aSent = Files.readAllLines(SENT_BY_A).stream().filter(l -> !l.isBlank()).map(Long::valueOf)
                .toList();
        assertThat(new java.util.HashSet<>(aSent)).as("node A sent each row once").hasSameSizeAs(aSent);
        assertThat(aSent).as("rows node B sent and node A sent again").doesNotContainAnyElementsOf(bSent);
        assertThat(aSent.size() + bSent.size()).as("every SMS row sent by one node, once")
                .isEqualTo(jdbc.sql("SELECT count(*) FROM outbox WHERE channel = 'SMS' AND status = 'SENT'")
                        .query(Integer.class).single());
        assertThat(bSent).as("node B sent some before it died").isNotEmpty();
        // no job ran into trouble (a job run twice would fail its commit and leave an exception behind)
        assertThat(engine.getManagementService().createJobQuery().withException().count()).isZero();
        assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM cluster_node WHERE node_id = 'node-b'").query(Integer.class)
                .single()).as("the dead node is forgotten").isZero();
    }

    private int lockedJobs() {
        return jdbc.sql("SELECT count(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL AND lock_exp_time_ > now()")
                .query(Integer.class).single();
    }

    private int claimedBy(String claimant) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE status = 'SENDING' AND claimed_by LIKE ?").param(claimant)
                .query(Integer.class).single();
    }

    private int acknowledgementsSent() {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE kind = 'ACKNOWLEDGED' AND status = 'SENT'")
                .query(Integer.class).single();
    }
}
