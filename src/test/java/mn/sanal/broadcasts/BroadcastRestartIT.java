package mn.sanal.broadcasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import mn.sanal.SanalApplication;
import mn.sanal.channels.sms.SmscSimulator;
import mn.sanal.citizens.Audience;
import mn.sanal.citizens.RegisterImport;
import mn.sanal.support.EmbeddedPostgresServer;

/**
 * The app stops in the middle of a bag broadcast (messages being submitted to the jSMPP SMSC peer) and starts again
 * on the same PostgreSQL database; the send is made again as a retried job would make it. Every phone of the bag
 * gets the text, and nobody gets a second copy.
 */
class BroadcastRestartIT {

    static final int PHONES = 400;
    private static final String SUMBER = "govisumber.sumber";
    private static final String TEXT = "Багийн иргэдийн нийтийн хурал 12 сарын 7-нд 11 цагт болно.";
    private static final String CAMPAIGN = "broadcast:restart";

    @Test
    void aRestartMidBroadcastSendsNobodyASecondCopy() throws Exception {
        String db = EmbeddedPostgresServer.createDatabase("sanal_broadcast_restart");
        int port = freePort();
        SmscSimulator smsc = new SmscSimulator(port, Duration.ZERO);
        smsc.start();
        try {
            ConfigurableApplicationContext first = start(db, port);
            awaitBound(smsc);
            StringBuilder csv = new StringBuilder("регистр,овог,нэр,баг,утас\n");
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < PHONES; i++) {
                String phone = String.format("976881%05d", i);
                csv.append(String.format("УБ8101%02d%02d,Туршилт,Иргэн%d,2,%s%n", 1 + i % 28, i / 28, i, phone));
                expected.add(phone);
            }
            assertThat(first.getBean(RegisterImport.class).importCsv(SUMBER, "sumber.office", "list.csv",
                    csv.toString()).refused()).isEmpty();
            Audience bag2 = Audience.bags(SUMBER, Set.of(SUMBER + ".2"));
            assertThat(first.getBean(BroadcastService.class).send(bag2, TEXT, CAMPAIGN).written()).isEqualTo(PHONES);

            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> copies(smsc).size() >= PHONES / 4);
            first.close();
            int beforeStop = copies(smsc).size();
            assertThat(beforeStop).as("stopped in the middle").isLessThan(PHONES);

            ConfigurableApplicationContext second = start(db, port);
            try {
                awaitBound(smsc);
                JdbcClient jdbc = JdbcClient.create(second.getBean(javax.sql.DataSource.class));
                // the send job runs again after the restart: nothing new is written
                assertThat(second.getBean(BroadcastService.class).send(bag2, TEXT, CAMPAIGN).written()).isZero();
                Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.sql(
                        "SELECT COUNT(*) FROM outbox WHERE campaign = ? AND status IN ('PENDING', 'SENDING')")
                        .param(CAMPAIGN).query(Long.class).single() == 0);
                // and no second one comes after the drainer went round again
                Awaitility.await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
                Map<String, Long> got = copies(smsc);
                assertThat(got.keySet()).isEqualTo(expected);
                assertThat(got.values()).as("one copy each").containsOnly(1L);
                assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE campaign = ? AND status = 'SENT'")
                        .param(CAMPAIGN).query(Long.class).single()).isEqualTo(PHONES);
                System.out.printf("BroadcastRestartIT: %d of %d submitted before the stop, %d after%n", beforeStop,
                        PHONES, PHONES - beforeStop);
            } finally {
                second.close();
            }
        } finally {
            smsc.close();
        }
    }

    private static Map<String, Long> copies(SmscSimulator smsc) {
        return smsc.sent().stream().filter(s -> s.text().equals(TEXT))
                .collect(Collectors.groupingBy(SmscSimulator.SentSms::to, Collectors.counting()));
    }

    private static ConfigurableApplicationContext start(String db, int port) {
        return new SpringApplication(SanalApplication.class).run(
                "--spring.profiles.active=postgres,it",
                "--server.port=0",
                "--spring.datasource.url=" + db,
                "--spring.datasource.username=" + EmbeddedPostgresServer.USER,
                "--spring.datasource.password=" + EmbeddedPostgresServer.PASSWORD,
                "--sanal.sms.enabled=true",
                "--sanal.sms.simulator.enabled=false",
                "--sanal.sms.smsc.host=127.0.0.1",
                "--sanal.sms.smsc.port=" + port,
                "--sanal.sms.smsc.reconnect-delay=PT1S",
                "--sanal.sms.outbox-poll-interval=PT0.2S",
                "--sanal.sms.max-tps=40");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitBound(SmscSimulator smsc) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(smsc::receiverBound);
    }
}
