package mn.sanal.polls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import mn.sanal.SanalApplication;
import mn.sanal.channels.sms.SmscSimulator;
import mn.sanal.channels.sms.SmscSimulator.DeliverResult;
import mn.sanal.platform.Clocks;
import mn.sanal.support.EmbeddedPostgresServer;

/**
 * The app stops in the middle of a poll's voting (deliver_sm in flight) and starts again on the same PostgreSQL
 * database; the SMSC then delivers every message again with its own message id, as an SMSC does with those it got no
 * OK for (and here also with those it did). No vote is lost and none doubled: one vote and one "recorded" SMS per
 * voter.
 */
class PollRestartIT {

    static final int VOTERS = 60;

    @Test
    void aRestartDuringVotingLosesAndDoublesNoVote() throws Exception {
        String db = EmbeddedPostgresServer.createDatabase("sanal_poll_restart");
        int port = PollSmsIT.freePort();
        SmscSimulator smsc = new SmscSimulator(port, Duration.ZERO);
        smsc.start();
        try {
            ConfigurableApplicationContext first = start(db, port);
            awaitBound(smsc);
            JdbcClient jdbc = JdbcClient.create(first.getBean(javax.sql.DataSource.class));
            List<String> phones = new ArrayList<>();
            for (int i = 0; i < VOTERS; i++) {
                String phone = String.format("976993%05d", i);
                phones.add(phone);
                resident(jdbc, String.format("РС80%06d", i), phone);
            }
            Poll poll = openPoll(first.getBean(PollService.class), first.getBean(TransactionTemplate.class));

            // 8 at a time; the app is closed while they are in flight
            Map<String, Integer> firstRound = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < VOTERS; i++) {
                int k = i;
                sent.add(pool.submit(() -> {
                    try {
                        firstRound.put(phones.get(k), send(smsc, poll, phones.get(k), k).status());
                    } catch (RuntimeException notBound) {
                        firstRound.put(phones.get(k), -1);
                    }
                }));
            }
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> firstRound.size() >= VOTERS / 4);
            first.close();
            for (Future<?> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            long okBefore = firstRound.values().stream().filter(s -> s == 0).count();
            assertThat(okBefore).as("some votes answered OK before the stop").isPositive();

            ConfigurableApplicationContext second = start(db, port);
            try {
                awaitBound(smsc);
                JdbcClient again = JdbcClient.create(second.getBean(javax.sql.DataSource.class));
                // the SMSC redelivers every message under its own id, answered OK or not
                for (int i = 0; i < VOTERS; i++) {
                    assertThat(send(smsc, poll, phones.get(i), i).status()).isZero();
                }
                assertThat(again.sql("SELECT COUNT(*) FROM poll_vote WHERE poll_id = ?").param(poll.id())
                        .query(Long.class).single()).isEqualTo(VOTERS);
                assertThat(again.sql("SELECT COUNT(*) FROM poll_message WHERE poll_id = ?").param(poll.id())
                        .query(Long.class).single()).isEqualTo(VOTERS);
                for (String phone : phones) {
                    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> smsc.sent().stream()
                            .filter(s -> s.to().equals(phone) && s.text().contains("бүртгэгдлээ")).count() == 1);
                }
                // and no second one comes after the drainer went round again
                Awaitility.await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
                for (String phone : phones) {
                    assertThat(smsc.sent().stream().filter(s -> s.to().equals(phone)).count()).as(phone)
                            .isEqualTo(1);
                }
            } finally {
                second.close();
            }
        } finally {
            smsc.close();
        }
    }

    private static DeliverResult send(SmscSimulator smsc, Poll poll, String phone, int k) {
        byte[] ucs2 = (poll.code() + " " + (1 + k % 2)).getBytes(StandardCharsets.UTF_16BE);
        return smsc.deliver(phone, "1111", (byte) 0, (byte) 8, ucs2, SmscSimulator.messageIdTlv("restart-" + k));
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
                "--sanal.sms.max-tps=100");
    }

    private static void awaitBound(SmscSimulator smsc) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(smsc::receiverBound);
    }

    private static Poll openPoll(PollService polls, TransactionTemplate tx) {
        return tx.execute(s -> {
            OffsetDateTime now = Clocks.now();
            Poll p = polls.create(new PollDraft("govisumber.sumber", "Цэцэрлэг барих уу?", List.of("Тийм", "Үгүй"),
                    List.of("govisumber.sumber.1"), now.minusMinutes(1), now.plusHours(1), 18,
                    Poll.ReplacePolicy.FIRST_COUNTS, false), "sumber.khural", null);
            polls.approve(p.id(), "sumber.chair");
            polls.open(p.id());
            return polls.get(p.id());
        });
    }

    private static void resident(JdbcClient jdbc, String registerNo, String phone) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                INSERT INTO citizen (register_no, family_name, given_name, birth_date, aimag_code, soum_code, bag_code,
                    created_at, updated_at) VALUES (?, 'Туршилт', 'Иргэн', ?, 'govisumber', 'govisumber.sumber',
                    'govisumber.sumber.1', ?, ?)
                """).params(registerNo, LocalDate.of(1980, 1, 1), now, now).update();
        long id = jdbc.sql("SELECT id FROM citizen WHERE register_no = ?").param(registerNo).query(Long.class)
                .single();
        jdbc.sql("INSERT INTO citizen_phone (phone, citizen_id, source, added_at) VALUES (?, ?, 'DEMO', ?)")
                .params(phone, id, now).update();
    }
}
