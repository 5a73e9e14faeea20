package mn.sanal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import mn.sanal.SanalApplication;
import mn.sanal.broadcasts.BroadcastService;
import mn.sanal.channels.sms.SmscSimulator;
import mn.sanal.channels.sms.SmscSimulator.SubmittedPart;
import mn.sanal.citizens.Audience;
import mn.sanal.support.EmbeddedPostgresServer;

/**
 * Broadcast benchmark (issue 9). Not a test: a harness that prints figures.
 * <p>
 * Starts the whole app (profiles {@code postgres} + {@code bench}, the demo register on: 12,200 people and 12,566
 * phones in Sumber) on a fresh embedded PostgreSQL 17 database, binds it to a jSMPP SMSC peer on loopback, sets
 * {@code sanal.sms.max-tps} (default 100) and broadcasts one Cyrillic single-part text to the whole soum through
 * {@link BroadcastService#send} (what the Broadcast process does after approval). While it drains, a citizen files a
 * petition by SMS every 5 s; their acknowledgements' latency (deliver_sm to the ack's submit_sm) is measured.
 * Figures: submit_sm per one-second window (max, median, windows above the cap), achieved rate / cap, time from the
 * send call to the last submit, heap used at the end.
 * <pre>
 * ./mvnw -q -o test -Dtest=BroadcastBenchmark [-Dbench.tps=100]
 * </pre>
 */
@Tag("bench")
public class BroadcastBenchmark {

    private static final String TEXT = "Сүмбэр сумын иргэдийн Хурал 12 сарын 5-нд 10 цагт соёлын төвд болно.";
    private static final Duration LIMIT = Duration.ofMinutes(15);

    @Test
    void broadcast() throws Exception {
        Assertions.assertEquals(0, run(Integer.getInteger("bench.tps", 100)));
    }

    private static int run(int tps) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone(SanalApplication.TIME_ZONE));
        int port = freePort();
        String dbUrl = EmbeddedPostgresServer.createDatabase("sanal_bench");
        SmscSimulator smsc = new SmscSimulator(port, Duration.ofMillis(500));
        smsc.start();
        long t0 = System.nanoTime();
        ConfigurableApplicationContext app = new SpringApplication(SanalApplication.class).run(
                "--spring.profiles.active=postgres,bench", "--spring.datasource.url=" + dbUrl,
                "--spring.datasource.username=" + EmbeddedPostgresServer.USER,
                "--spring.datasource.password=" + EmbeddedPostgresServer.PASSWORD,
                "--sanal.sms.smsc.host=127.0.0.1", "--sanal.sms.smsc.port=" + port,
                "--sanal.sms.max-tps=" + tps, "--sanal.citizens.demo-register=true",
                "--logging.level.mn.sanal.citizens=info");
        System.out.printf(Locale.ROOT, "app started (demo register loaded) in %.1f s%n", secs(t0));
        try {
            await(smsc::receiverBound, Duration.ofSeconds(60), "bound");
            JdbcClient jdbc = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
            BroadcastService broadcasts = app.getBean(BroadcastService.class);
            Audience sumber = Audience.soum("govisumber.sumber");
            long expected = broadcasts.preview(sumber, TEXT).recipients();

            Instant start = Instant.now();
            long w0 = System.nanoTime();
            BroadcastService.Sent sent = broadcasts.send(sumber, TEXT, "bench:" + System.currentTimeMillis());
            double writeSecs = secs(w0);
            Map<String, Instant> petitionsAt = new TreeMap<>();
            int k = 0;
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (broadcastCount(smsc) < expected && System.nanoTime() < deadline) {
                String phone = Integer.toString(99_300_000 + k++);
                petitionsAt.put("976" + phone, Instant.now());
                smsc.send(phone, "1111", "ГОМДОЛ Худгийн ус тасарсан байна. №" + k);
                Thread.sleep(5000);
            }
            List<SubmittedPart> parts = new ArrayList<>(smsc.submitted());
            List<SubmittedPart> mine = parts.stream().filter(p -> !petitionsAt.containsKey(p.to())).toList();
            Map<Long, Integer> perSecond = new TreeMap<>();
            parts.forEach(p -> perSecond.merge(p.at().getEpochSecond(), 1, Integer::sum));
            List<Integer> windows = new ArrayList<>(perSecond.values());
            Collections.sort(windows);
            Instant first = mine.get(0).at();
            Instant last = mine.get(mine.size() - 1).at();
            double drainSecs = Duration.between(first, last).toMillis() / 1000.0;
            double rate = mine.size() / Math.max(drainSecs, 0.001);
            List<Long> ackMs = new ArrayList<>();
            for (Map.Entry<String, Instant> e : petitionsAt.entrySet()) {
                parts.stream().filter(p -> p.to().equals(e.getKey())).findFirst()
                        .ifPresent(p -> ackMs.add(Duration.between(e.getValue(), p.at()).toMillis()));
            }
            Collections.sort(ackMs);
            System.gc();
            long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1 << 20);
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%nBroadcast benchmark %s: embedded PostgreSQL 17, jSMPP peer on "
                    + "loopback, %d CPUs, max-tps %d, %d recipients (Sumber demo register)%n",
                    OffsetDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(), tps, expected));
            out.append("| outbox rows written | submit_sm/s max | median | windows > cap | achieved/s | ratio | "
                    + "send call → last submit | acks | ack latency p50 / max | heap used |\n");
            out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            out.append(String.format(Locale.ROOT, "| %d in %.1f s | %d | %d | %d | %.1f | %.2f | %.1f s | %d/%d | "
                            + "%s / %s ms | %d MB |%n", sent.written(), writeSecs, windows.get(windows.size() - 1),
                    windows.get(windows.size() / 2), windows.stream().filter(w -> w > tps).count(), rate, rate / tps,
                    Duration.between(start, last).toMillis() / 1000.0, ackMs.size(), petitionsAt.size(),
                    ackMs.isEmpty() ? "-" : ackMs.get(ackMs.size() / 2), ackMs.isEmpty() ? "-" : ackMs.get(ackMs.size() - 1),
                    heap));
            out.append(String.format(Locale.ROOT, "%d broadcast SMS submitted of %d; the windows count every "
                    + "submit_sm (acks too) per wall-clock second of the peer%n", mine.size(), expected));
            System.out.print(out);
            Path dir = Path.of("target", "bench");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("broadcast-" + System.currentTimeMillis() + ".md"), out);
            return mine.size() == expected ? 0 : 2;
        } finally {
            app.close();
            smsc.close();
        }
    }

    private static long broadcastCount(SmscSimulator smsc) {
        return smsc.sent().stream().filter(s -> s.text().equals(TEXT)).count();
    }

    private static void await(Supplier<Boolean> c, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!c.get()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out: " + what);
            }
            Thread.sleep(100);
        }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
