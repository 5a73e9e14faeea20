package mn.sanal.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The app on a real PostgreSQL that is stopped mid-stream: the deliver_sm that arrives meanwhile is answered with a
 * temporary error (ESME_RX_T_APPDN), nothing is recorded, and the SMSC's redelivery after the database is back files
 * exactly one petition.
 * <p>
 * Deliberately its own PostgreSQL (own port, own data directory), not the shared
 * {@link mn.sanal.support.EmbeddedPostgresServer}: this test stops and restarts the server, which would pull the
 * database from under every other test class in the JVM. {@link DirtiesContext} closes this context after the class,
 * so that no engine stays cached on a stopped database next to the other integration tests' engines.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
@DirtiesContext
class SmsDatabaseOutageIT {

    static final int SMPP_PORT = freePort();
    static final int PG_PORT = freePort();
    static final Path PG_DATA = tempDir();
    static volatile EmbeddedPostgres pg = startPg();
    static final SmscSimulator smsc = startSmsc();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + PG_PORT + "/postgres");
        r.add("spring.datasource.username", () -> "postgres");
        r.add("spring.datasource.password", () -> "");
        r.add("spring.datasource.hikari.connection-timeout", () -> "2000");
        r.add("sanal.sms.enabled", () -> "true");
        r.add("sanal.sms.simulator.enabled", () -> "false");
        r.add("sanal.sms.smsc.port", () -> SMPP_PORT);
        r.add("sanal.sms.smsc.reconnect-delay", () -> "PT1S");
    }

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stop() throws IOException {
        smsc.close();
        pg.close();
    }

    @Test
    void databaseDownAnswersTemporaryErrorAndRedeliveryFilesOnce() throws Exception {
        await(smsc::receiverBound);
        byte[] before = "Өмнөх өргөдөл".getBytes(StandardCharsets.UTF_16BE);
        assertThat(smsc.deliver("99120001", "1111", (byte) 0, (byte) 8, before, SmscSimulator.messageIdTlv("pg-1"))
                .status()).isZero();
        assertThat(count("97699120001")).isEqualTo(1);

        pg.close();
        byte[] during = "Тасалдлын үеийн өргөдөл".getBytes(StandardCharsets.UTF_16BE);
        SmscSimulator.DeliverResult refused = smsc.deliver("99120002", "1111", (byte) 0, (byte) 8, during,
                SmscSimulator.messageIdTlv("pg-2"));
        assertThat(refused.status()).isEqualTo(SmsInboundRoute.ESME_RX_T_APPDN);

        pg = startPg();
        SmscSimulator.DeliverResult[] redelivered = new SmscSimulator.DeliverResult[1];
        await(() -> {
            redelivered[0] = smsc.deliver("99120002", "1111", (byte) 0, (byte) 8, during,
                    SmscSimulator.messageIdTlv("pg-2"));
            return redelivered[0].status() == 0;
        });
        assertThat(smsc.deliver("99120002", "1111", (byte) 0, (byte) 8, during, SmscSimulator.messageIdTlv("pg-2"))
                .status()).isZero();
        assertThat(count("97699120002")).isEqualTo(1);
        assertThat(count("97699120001")).isEqualTo(1);
    }

    private int count(String phone) {
        return jdbc.sql("SELECT COUNT(*) FROM petition WHERE contact_phone = ?").param(phone).query(Integer.class)
                .single();
    }

    private static void await(java.util.function.BooleanSupplier c) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(200);
        }
    }

    private static EmbeddedPostgres startPg() {
        try {
            return EmbeddedPostgres.builder().setPort(PG_PORT).setDataDirectory(PG_DATA)
                    .setCleanDataDirectory(false).start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("sanal-sms-pg");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SmscSimulator startSmsc() {
        SmscSimulator s = new SmscSimulator(SMPP_PORT, Duration.ZERO);
        try {
            s.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return s;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
