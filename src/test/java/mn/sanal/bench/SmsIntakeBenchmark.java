package mn.sanal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.Duration;
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

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import mn.sanal.SanalApplication;
import mn.sanal.channels.sms.SmscSimulator;
import mn.sanal.channels.sms.SmscSimulator.DeliverResult;
import mn.sanal.support.EmbeddedPostgresServer;

/**
 * SMS intake benchmark (issue 3). Not a test: a harness that prints figures.
 * <p>
 * Starts the whole app (profiles {@code postgres} + {@code bench}) on a fresh database of an embedded PostgreSQL 17
 * (zonky), binds it to a jSMPP SMSC peer on a free loopback port, and replays N distinct single-part Cyrillic
 * deliver_sm (distinct senders and SMSC message ids) with at most W in flight. It times each deliver_sm →
 * deliver_sm_resp (the app answers only after intake committed: dedup key, petition row, process start up to the
 * first save point) and counts committed petitions ({@code SELECT COUNT(*) FROM petition}) over the wall time.
 * <p>
 * Then, in the same JVM, on the same engine and DataSource, it deploys a one-user-task BPMN and starts N instances
 * through {@code RuntimeService} with the same W threads: the bare Camunda rate the SMS rate is compared with.
 * <p>
 * Bounded: N ≤ 20000, every phase has a time limit, loopback only; it stops the app and the database by itself.
 * <p>
 * Run through surefire (which forks a JVM with the project's time zone, encoding and heap), by name: the class name
 * matches neither surefire's {@code *Test} nor failsafe's {@code *IT}, so no build runs it otherwise. The table is
 * printed and written to {@code target/bench/}.
 * <pre>
 * ./mvnw -q -o test -Dtest=SmsIntakeBenchmark -Dbench.n=2000 [-Dbench.window=8] [-Dbench.warmup=200]
 * </pre>
 * ({@link #main} does the same from an IDE or {@code java -cp ...}.)
 */
@Tag("bench")
public class SmsIntakeBenchmark {

    private static final Duration PHASE_LIMIT = Duration.ofMinutes(10);
    private static final Duration BACKLOG_LIMIT = Duration.ofMinutes(3);
    private static final String PROCESS_KEY = "BenchOneUserTask";
    private static final AtomicInteger FAILED = new AtomicInteger();

    /** Entry point under surefire: {@code -Dtest=SmsIntakeBenchmark -Dbench.n=...}. */
    @Test
    void smsIntake() throws Exception {
        int committedAll = run(Integer.getInteger("bench.n", 2000), Integer.getInteger("bench.window", 8),
                Integer.getInteger("bench.warmup", 200));
        Assertions.assertEquals(0, committedAll, "every deliver_sm answered OK and committed as one petition");
    }

    /** {@code java ... mn.sanal.bench.SmsIntakeBenchmark N [W] [warm-up]} */
    public static void main(String[] args) throws Exception {
        int exit;
        try {
            exit = run(args.length > 0 ? Integer.parseInt(args[0]) : 2000,
                    args.length > 1 ? Integer.parseInt(args[1]) : 8, args.length > 2 ? Integer.parseInt(args[2]) : 200);
        } catch (Throwable e) {
            e.printStackTrace();
            exit = 1;
        }
        // Spring Boot's shutdown handler then stops the embedded PostgreSQL
        System.exit(exit);
    }

    private static int run(int n, int window, int warmup) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone(SanalApplication.TIME_ZONE));
        if (n < 1 || n > 20_000 || window < 1 || window > 64 || warmup < 0 || warmup > 5_000) {
            throw new IllegalArgumentException("N in 1..20000, W in 1..64, warm-up in 0..5000");
        }
        int smppPort = freePort();
        String dbUrl = EmbeddedPostgresServer.createDatabase("sanal_bench");
        SmscSimulator smsc = new SmscSimulator(smppPort, Duration.ZERO); // no delivery receipts
        smsc.start();
        long t0 = System.nanoTime();
        ConfigurableApplicationContext app = new SpringApplication(SanalApplication.class).run(
                "--spring.profiles.active=postgres,bench",
                "--spring.datasource.url=" + dbUrl,
                "--spring.datasource.username=" + EmbeddedPostgresServer.USER,
                "--spring.datasource.password=" + EmbeddedPostgresServer.PASSWORD,
                "--sanal.sms.smsc.host=127.0.0.1",
                "--sanal.sms.smsc.port=" + smppPort);
        System.out.printf(Locale.ROOT, "app started in %.1f s; waiting for the SMPP bind%n", secs(t0));
        try {
            await(smsc::receiverBound, Duration.ofSeconds(60), "app bound to the SMSC peer");
            JdbcClient jdbc = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
            ProcessEngine engine = app.getBean(ProcessEngine.class);

            // --- phase 1: SMS intake
            if (warmup > 0) {
                sms(smsc, 0, warmup, window);
                awaitBacklog(engine, jdbc);
            }
            FAILED.set(0);
            int before = petitions(jdbc);
            long s0 = System.nanoTime();
            long[] latencies = sms(smsc, warmup, n, window);
            double smsWall = secs(s0);
            int committed = petitions(jdbc) - before;
            long backlogStart = System.nanoTime();
            long jobsLeft = awaitBacklog(engine, jdbc);
            double backlogSecs = secs(backlogStart);

            // --- phase 2: bare Camunda, same engine, same database, same number of threads
            BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS_KEY).camundaHistoryTimeToLive(1)
                    .startEvent().userTask("UserTask_Bench").name("Бенчмарк").endEvent().done();
            engine.getRepositoryService().createDeployment().name("bench")
                    .addModelInstance(PROCESS_KEY + ".bpmn", model).deploy();
            if (warmup > 0) {
                starts(engine, warmup, window);
            }
            long c0 = System.nanoTime();
            starts(engine, n, window);
            double camundaWall = secs(c0);
            long instances = engine.getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey(PROCESS_KEY).count();

            // --- report
            Arrays.sort(latencies);
            double smsRate = committed / smsWall;
            double camundaRate = n / camundaWall;
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%nSMS intake benchmark %s: app on embedded PostgreSQL 17, jSMPP "
                    + "peer on loopback, %d CPUs, W=%d in flight, warm-up %d%n", OffsetDateTime.now().withNano(0),
                    Runtime.getRuntime().availableProcessors(), window, warmup));
            out.append("|     N | petitions/s | p50 ms | p99 ms | max ms | Camunda starts/s | ratio | "
                    + "petitions/s incl. async jobs |\n");
            out.append("|------:|------------:|-------:|-------:|-------:|-----------------:|------:|"
                    + "----------------------------:|\n");
            out.append(String.format(Locale.ROOT,
                    "| %5d | %11.1f | %6.1f | %6.1f | %6.1f | %16.1f | %5.2f | %27.1f |%n", n, smsRate,
                    ms(pct(latencies, 0.50)), ms(pct(latencies, 0.99)), ms(latencies[latencies.length - 1]),
                    camundaRate, smsRate / camundaRate, committed / (smsWall + backlogSecs)));
            out.append(String.format(Locale.ROOT,
                    "%d petitions committed for %d deliver_sm (%d not answered OK) in %.1f s; the async job backlog "
                            + "after the SMS phase drained in %.1f s (%d jobs left); %d one-user-task instances "
                            + "started in %.1f s%n",
                    committed, n, notOk(), smsWall, backlogSecs, jobsLeft, instances - warmup, camundaWall));
            System.out.print(out);
            Path dir = Path.of("target", "bench");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("sms-intake-" + System.currentTimeMillis() + ".md"), out);
            return committed == n && notOk() == 0 ? 0 : 2;
        } finally {
            app.close();
            smsc.close();
        }
    }

    /** Messages {@code from}..{@code from+count-1}, each its own sender, W at a time; returns each resp latency. */
    private static long[] sms(SmscSimulator smsc, int from, int count, int window) throws Exception {
        long[] latencies = new long[count];
        parallel(count, window, i -> {
            int k = from + i;
            // single part in UCS-2 (≤ 70 characters), distinct sender and text; the simulator gives each its own id
            String phone = Integer.toString(88_000_000 + k);
            String text = "ГОМДОЛ Манай багийн худгийн ус " + (k % 7 + 2) + " хоног тасарсан байна. №" + k;
            List<DeliverResult> r = smsc.send(phone, "1111", text);
            if (r.size() != 1 || r.get(0).status() != 0) {
                FAILED.incrementAndGet();
            }
            latencies[i] = r.get(0).took().toNanos();
        });
        return latencies;
    }

    private static int notOk() {
        return FAILED.get();
    }

    private static void starts(ProcessEngine engine, int count, int window) throws Exception {
        parallel(count, window,
                i -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, "bench-" + i));
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

    /** Waits (bounded) until the job executor has run the continuations the SMS phase left; returns jobs left. */
    private static long awaitBacklog(ProcessEngine engine, JdbcClient jdbc) throws InterruptedException {
        long deadline = System.nanoTime() + BACKLOG_LIMIT.toNanos();
        long left;
        while ((left = engine.getManagementService().createJobQuery().executable().count()) > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        return left;
    }

    private static int petitions(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM petition").query(Integer.class).single();
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
