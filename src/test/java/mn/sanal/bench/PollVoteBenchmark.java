package mn.sanal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import mn.sanal.SanalApplication;
import mn.sanal.channels.sms.SmscSimulator;
import mn.sanal.channels.sms.SmscSimulator.DeliverResult;
import mn.sanal.platform.Clocks;
import mn.sanal.polls.Poll;
import mn.sanal.polls.PollDraft;
import mn.sanal.polls.PollService;
import mn.sanal.support.EmbeddedPostgresServer;

/**
 * SMS poll benchmark (issue 10). Not a test: a harness that prints figures.
 * <p>
 * Starts the whole app (profiles {@code postgres} + {@code bench}) on a fresh embedded PostgreSQL 17 with the
 * synthetic demo register (Sumber: 12,200 people, 12,566 phones), binds it to a jSMPP SMSC peer, opens a poll of the
 * whole soum (created, approved and opened through {@link PollService}, without the announcement's 12,566 SMS), and
 * sends N votes ("С12 2") as single-part UCS-2 deliver_sm from the first N registered Sumber phones (in phone order;
 * a second phone of a person who already voted gets "already voted": that is an intake transaction too), with W in
 * flight, for W = 8 and then W = 32 (a fresh poll each). It times each deliver_sm → deliver_sm_resp (answered after
 * intake committed: ledger key, register lookup, vote row, message count, the reply in the outbox).
 * <p>
 * In the same run, on the same database, W threads insert N single rows (autocommit, one INSERT each) into a plain
 * table shaped like poll_vote: the physical limit the vote rate is compared with. Then the tally query is timed on the
 * 12,200-message poll and on a poll with 331,000 synthetic votes bulk loaded with one INSERT ... SELECT.
 * <pre>
 * ./mvnw -q -o test -Dtest=PollVoteBenchmark [-Dbench.n=12200] [-Dbench.warmup=300]
 * </pre>
 */
@Tag("bench")
public class PollVoteBenchmark {

    private static final Duration PHASE_LIMIT = Duration.ofMinutes(10);
    private static final int[] WINDOWS = {8, 32};
    private static final AtomicInteger FAILED = new AtomicInteger();

    @Test
    void pollVotes() throws Exception {
        Assertions.assertEquals(0, run(Integer.getInteger("bench.n", 12_200), Integer.getInteger("bench.warmup", 300),
                Integer.getInteger("bench.bulk", 331_000)), "every deliver_sm answered OK");
    }

    private static int run(int n, int warmup, int bulk) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone(SanalApplication.TIME_ZONE));
        if (n < 1 || n > 12_566 || warmup < 0 || warmup > 2_000 || bulk < 1 || bulk > 1_000_000) {
            throw new IllegalArgumentException("N in 1..12566 (Sumber's phones), warm-up 0..2000, bulk 1..1000000");
        }
        int smppPort = freePort();
        String dbUrl = EmbeddedPostgresServer.createDatabase("sanal_pollbench");
        SmscSimulator smsc = new SmscSimulator(smppPort, Duration.ZERO);
        smsc.start();
        long t0 = System.nanoTime();
        ConfigurableApplicationContext app = new SpringApplication(SanalApplication.class).run(
                "--spring.profiles.active=postgres,bench",
                "--spring.datasource.url=" + dbUrl,
                "--spring.datasource.username=" + EmbeddedPostgresServer.USER,
                "--spring.datasource.password=" + EmbeddedPostgresServer.PASSWORD,
                "--sanal.sms.smsc.host=127.0.0.1",
                "--sanal.sms.smsc.port=" + smppPort,
                "--sanal.citizens.demo-register=true",
                "--sanal.mail.enabled=false", "--sanal.mail.simulator.enabled=false");
        System.out.printf(Locale.ROOT, "app started in %.1f s (with the demo register)%n", secs(t0));
        StringBuilder out = new StringBuilder();
        int failures = 0;
        try {
            await(smsc::receiverBound, Duration.ofSeconds(60), "app bound to the SMSC peer");
            DataSource ds = app.getBean(DataSource.class);
            JdbcClient jdbc = JdbcClient.create(ds);
            PollService polls = app.getBean(PollService.class);
            TransactionTemplate tx = app.getBean(TransactionTemplate.class);
            List<String> phones = jdbc.sql("""
                    SELECT p.phone FROM citizen_phone p JOIN citizen c ON c.id = p.citizen_id
                    WHERE c.soum_code = 'govisumber.sumber' ORDER BY p.phone
                    """).query(String.class).list();
            System.out.printf(Locale.ROOT, "%d Sumber phones on the register%n", phones.size());

            out.append(String.format(Locale.ROOT, "%nSMS poll benchmark %s: app on embedded PostgreSQL 17, jSMPP peer on "
                    + "loopback, %d CPUs, N=%d, warm-up %d%n", OffsetDateTime.now().withNano(0),
                    Runtime.getRuntime().availableProcessors(), n, warmup));
            out.append("|  W | votes/s | recorded | already | p50 ms | p99 ms | max ms | bare inserts/s | ratio |\n");
            out.append("|---:|--------:|---------:|--------:|-------:|-------:|-------:|---------------:|------:|\n");
            long firstPoll = -1;
            if (warmup > 0) {
                vote(smsc, openPoll(polls, tx), phones, warmup, 8);
                bareInserts(jdbc, warmup, 8);
            }
            for (int w : WINDOWS) {
                Poll poll = openPoll(polls, tx);
                if (firstPoll < 0) {
                    firstPoll = poll.id();
                }
                FAILED.set(0);
                long s0 = System.nanoTime();
                long[] latencies = vote(smsc, poll, phones, n, w);
                double wall = secs(s0);
                failures += FAILED.get();
                long recorded = count(jdbc, "SELECT COUNT(*) FROM poll_vote WHERE poll_id = ?", poll.id());
                long already = count(jdbc, "SELECT COUNT(*) FROM poll_message WHERE poll_id = ? AND outcome = 'REPEATED'",
                        poll.id());
                double inserts = bareInserts(jdbc, n, w);
                Arrays.sort(latencies);
                double rate = n / wall;
                out.append(String.format(Locale.ROOT, "| %2d | %7.1f | %8d | %7d | %6.1f | %6.1f | %6.1f | %14.1f | %5.3f |%n",
                        w, rate, recorded, already, ms(pct(latencies, 0.50)), ms(pct(latencies, 0.99)),
                        ms(latencies[latencies.length - 1]), inserts, rate / inserts));
                System.out.print(out);
            }

            // --- tally: the 12,200-message poll, then 331,000 bulk-loaded votes
            out.append(String.format(Locale.ROOT, "%n| votes in the poll | tally query ms (median of 5) | "
                    + "tally + eligible register ms (median of 5) |%n|---:|---:|---:|%n"));
            long small = count(jdbc, "SELECT COUNT(*) FROM poll_vote WHERE poll_id = ?", firstPoll);
            tallyRow(out, jdbc, polls, firstPoll, small);
            Poll big = openPoll(polls, tx);
            long b0 = System.nanoTime();
            jdbc.sql("""
                    INSERT INTO poll_vote (poll_id, person_id, option_no, bag_code, inbound_channel, inbound_message_id,
                        voted_at)
                    SELECT ?, g, 1 + (g % 3), 'govisumber.sumber.' || (1 + g % 6), 'SMS', 'bulk-' || g, now()
                    FROM generate_series(1, ?) g
                    """).params(big.id(), bulk).update();
            jdbc.sql("ANALYZE poll_vote").update();
            System.out.printf(Locale.ROOT, "%d votes bulk loaded in %.1f s%n", bulk, secs(b0));
            tallyRow(out, jdbc, polls, big.id(), bulk);
            System.out.print(out);
            Path dir = Path.of("target", "bench");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("poll-votes-" + System.currentTimeMillis() + ".md"), out);
            return failures;
        } finally {
            app.close();
            smsc.close();
        }
    }

    private static void tallyRow(StringBuilder out, JdbcClient jdbc, PollService polls, long pollId, long votes) {
        long[] query = new long[5];
        long[] full = new long[5];
        for (int i = 0; i < 5; i++) {
            long q0 = System.nanoTime();
            jdbc.sql("""
                    SELECT b.bag_code, o.option_no, COUNT(v.person_id) FROM poll_bag b
                    JOIN poll_option o ON o.poll_id = b.poll_id
                    LEFT JOIN poll_vote v ON v.poll_id = b.poll_id AND v.bag_code = b.bag_code AND v.option_no = o.option_no
                    WHERE b.poll_id = ? GROUP BY b.bag_code, o.option_no
                    """).param(pollId).query().listOfRows();
            query[i] = System.nanoTime() - q0;
            long f0 = System.nanoTime();
            polls.liveTally(pollId);
            full[i] = System.nanoTime() - f0;
        }
        Arrays.sort(query);
        Arrays.sort(full);
        out.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f |%n", votes, ms(query[2]), ms(full[2])));
    }

    private static Poll openPoll(PollService polls, TransactionTemplate tx) {
        return tx.execute(s -> {
            OffsetDateTime now = Clocks.now();
            Poll p = polls.create(new PollDraft("govisumber.sumber", "Бенчмарк: цэцэрлэг барих уу?",
                    List.of("Тийм", "Үгүй", "Мэдэхгүй"), polls.bagsOf("govisumber.sumber"), now.minusMinutes(1),
                    now.plusHours(2), 18, Poll.ReplacePolicy.FIRST_COUNTS, false), "bench", null);
            polls.approve(p.id(), "bench");
            polls.open(p.id());
            return polls.get(p.id());
        });
    }

    private static long[] vote(SmscSimulator smsc, Poll poll, List<String> phones, int count, int window)
            throws Exception {
        long[] latencies = new long[count];
        parallel(count, window, i -> {
            List<DeliverResult> r = smsc.send(phones.get(i), "1111", poll.code() + " " + (1 + i % 3));
            if (r.size() != 1 || r.get(0).status() != 0) {
                FAILED.incrementAndGet();
            }
            latencies[i] = r.get(0).took().toNanos();
        });
        return latencies;
    }

    /** N single-row INSERTs, each its own transaction, W at a time, into a table shaped like poll_vote. */
    private static double bareInserts(JdbcClient jdbc, int count, int window) throws Exception {
        jdbc.sql("DROP TABLE IF EXISTS bench_insert").update();
        jdbc.sql("""
                CREATE TABLE bench_insert (poll_id BIGINT NOT NULL, person_id BIGINT NOT NULL, option_no INT NOT NULL,
                    bag_code VARCHAR(60) NOT NULL, inbound_channel VARCHAR(20) NOT NULL,
                    inbound_message_id VARCHAR(200) NOT NULL, voted_at TIMESTAMP WITH TIME ZONE NOT NULL,
                    PRIMARY KEY (poll_id, person_id))
                """).update();
        long s0 = System.nanoTime();
        parallel(count, window, i -> jdbc.sql("""
                INSERT INTO bench_insert (poll_id, person_id, option_no, bag_code, inbound_channel, inbound_message_id,
                    voted_at) VALUES (1, ?, ?, 'govisumber.sumber.1', 'SMS', ?, now())
                """).params(i, 1 + i % 3, "bench-" + i).update());
        return count / secs(s0);
    }

    private static long count(JdbcClient jdbc, String sql, long pollId) {
        return jdbc.sql(sql).param(pollId).query(Long.class).single();
    }

    private static void parallel(int count, int window, IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(window);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
        for (int w = 0; w < window; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("phase time limit " + PHASE_LIMIT + " exceeded");
                    }
                    work.accept(i);
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static long pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void await(java.util.function.BooleanSupplier c, Duration limit, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out: " + what);
            }
            Thread.sleep(100);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
