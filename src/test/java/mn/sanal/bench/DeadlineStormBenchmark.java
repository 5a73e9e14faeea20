package mn.sanal.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import mn.sanal.SanalApplication;
import mn.sanal.intake.IntakeResult;
import mn.sanal.intake.IntakeService;
import mn.sanal.petitions.Channel;
import mn.sanal.petitions.NewPetition;
import mn.sanal.petitions.PetitionType;
import mn.sanal.platform.Clocks;
import mn.sanal.support.EmbeddedPostgresServer;
import mn.sanal.support.SecondNode;

/**
 * The deadline storm (issue 14). Not a test: a harness that prints figures.
 * <p>
 * Two nodes on one fresh database of the embedded PostgreSQL: node A in this JVM, node B a process of its own
 * ({@link SecondNode}), both with the job executor settings given. N petitions are filed through intake on node A
 * (the real path: petition row, process start, deadline DMN, acknowledgement, routing to the body's task), then every
 * one's legal deadline timer ({@code StartEvent_DeadlineReached}) is set to the same instant T, a few seconds ahead.
 * From T it counts until every petition is marked overdue and has its supervisor review task, and checks that none
 * was marked or given a review twice.
 * <pre>
 * ./mvnw -q -o test -Dtest=DeadlineStormBenchmark -Dbench.n=10000 \
 *     [-Dbench.threads=3] [-Dbench.jobs=3] [-Dbench.lock=20000] [-Dbench.queue=3] [-Dbench.connections=10] [-Dbench.pgstat=true]
 *     [-Dbench.hold=<s>] [-Dbench.analyze=false] [-Dbench.checkpoint=false]
 *     [-Dbench.args="--spring.datasource.hikari.connection-init-sql=SELECT 1"]
 * </pre>
 * threads: the job executor's core and max pool size; jobs: max jobs per acquisition; lock: lock time in ms;
 * queue: the executor's queue capacity. The same settings on both nodes. Output also in {@code target/bench/}.
 */
@Tag("bench")
public class DeadlineStormBenchmark {

    private static final Duration LIMIT = Duration.ofMinutes(30);
    /** The legal deadline's timer jobs (event subprocess StartEvent_DeadlineReached). */
    private static final String DEADLINE_JOBS = "job_def_id_ IN (SELECT id_ FROM act_ru_jobdef "
            + "WHERE act_id_ = 'StartEvent_DeadlineReached')";

    @Test
    void deadlineStorm() throws Exception {
        int n = Integer.getInteger("bench.n", 10_000);
        int threads = Integer.getInteger("bench.threads", 3);
        int jobs = Integer.getInteger("bench.jobs", 3);
        int lock = Integer.getInteger("bench.lock", 20_000);
        int queue = Integer.getInteger("bench.queue", 3);
        // database connections per node: Hikari's default 10 as the one box runs, docker-compose's nodes 16
        int connections = Integer.getInteger("bench.connections", 10);
        if (n < 1 || n > 20_000) {
            throw new IllegalArgumentException("N in 1..20000");
        }
        TimeZone.setDefault(TimeZone.getTimeZone(SanalApplication.TIME_ZONE));
        String dbUrl = EmbeddedPostgresServer.createDatabase("sanal_storm");
        List<String> settings = List.of(
                "--camunda.bpm.job-execution.core-pool-size=" + threads,
                "--camunda.bpm.job-execution.max-pool-size=" + threads,
                "--camunda.bpm.job-execution.max-jobs-per-acquisition=" + jobs,
                "--camunda.bpm.job-execution.queue-capacity=" + queue,
                "--camunda.bpm.job-execution.lock-time-in-millis=" + lock,
                "--spring.datasource.hikari.maximum-pool-size=" + connections,
                "--camunda.bpm.job-execution.wait-time-in-millis=1000",
                "--camunda.bpm.job-execution.max-wait=5000",
                "--sanal.sms.enabled=false", "--sanal.mail.enabled=false", "--sanal.mail.simulator.enabled=false",
                "--sanal.fax.enabled=false", "--sanal.voicemail.enabled=false",
                "--sanal.outbox.acknowledgement-limit.per-recipient=1000000",
                "--logging.level.root=warn", "--logging.level.mn.sanal.bench=info");
        String extra = System.getProperty("bench.args", "").strip();
        if (!extra.isEmpty()) {
            // -Dbench.args="--name=value --name=value": more settings for both nodes (to compare configurations)
            settings = new ArrayList<>(settings);
            settings.addAll(List.of(extra.split("\\s+(?=--)")));
        }
        List<String> argsA = new ArrayList<>(List.of("--spring.profiles.active=postgres,bench",
                "--spring.datasource.url=" + dbUrl,
                "--spring.datasource.username=" + EmbeddedPostgresServer.USER,
                "--spring.datasource.password=" + EmbeddedPostgresServer.PASSWORD,
                "--sanal.cluster.node-id=storm-a"));
        argsA.addAll(settings);
        ConfigurableApplicationContext a = new SpringApplication(SanalApplication.class)
                .run(argsA.toArray(String[]::new));
        List<String> argsB = new ArrayList<>(List.of("--spring.profiles.active=postgres,bench"));
        argsB.addAll(settings);
        try (SecondNode b = SecondNode.start("storm-b", dbUrl, argsB.toArray(String[]::new))) {
            JdbcClient jdbc = JdbcClient.create(a.getBean(javax.sql.DataSource.class));
            IntakeService intake = a.getBean(IntakeService.class);

            // N open cases, through the real intake, 8 at a time; both nodes run their jobs
            long c0 = System.nanoTime();
            AtomicInteger failed = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> filed = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                filed.add(pool.submit(() -> {
                    IntakeResult r = intake.submit(new NewPetition(Channel.WEB, "storm-" + k, PetitionType.COMPLAINT,
                            "Сүмбэр сумын эмнэлэгт эмч байхгүй байна " + k, String.format("9915%04d", k % 10_000),
                            null, null, null, "HEALTH", new NewPetition.Location("govisumber", "govisumber.sumber",
                            "govisumber.sumber.3", "3-р баг", null, null), Clocks.now()));
                    if (!(r instanceof IntakeResult.PetitionAccepted)) {
                        failed.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : filed) {
                f.get(LIMIT.toMinutes(), TimeUnit.MINUTES);
            }
            pool.shutdown();
            double filing = secs(c0);
            await(() -> timers(jdbc) == n, "every case waits on its deadline timer");
            double settled = secs(c0);
            System.out.printf(Locale.ROOT, "filed %d petitions in %.1f s (%d refused), all waiting in %.1f s%n", n,
                    filing, failed.get(), settled);

            // -Dbench.analyze (default true): the statistics a running system has. This database grew from empty to
            // N cases in minutes, faster than autovacuum's analyses follow, and plans made from statistics of a
            // tenth of the rows (the executions' variables: 0.1 ms or 3 ms a load, by the run) are what a system
            // that has held its cases for days never sees.
            if (Boolean.parseBoolean(System.getProperty("bench.analyze", "true"))) {
                long a0 = System.nanoTime();
                jdbc.sql("ANALYZE").update();
                System.out.printf(Locale.ROOT, "analyzed in %.1f s%n", secs(a0));
            }
            // every deadline in the same minute: the same instant T, 15 s from now
            OffsetDateTime t = OffsetDateTime.now().plusSeconds(15).withNano(0);
            jdbc.sql("UPDATE act_ru_job SET duedate_ = ? WHERE " + DEADLINE_JOBS)
                    .param(java.sql.Timestamp.from(t.toInstant())).update();
            // -Dbench.checkpoint (default true): the storm starts right after a checkpoint, the dearest point of
            // PostgreSQL's cycle (the first change of every page after a checkpoint writes the whole page to the
            // WAL) and the same point in every run; filing wrote gigabytes of WAL, and where its last checkpoint fell
            // made runs of the same code differ by a quarter
            if (Boolean.parseBoolean(System.getProperty("bench.checkpoint", "true"))) {
                long k0 = System.nanoTime();
                jdbc.sql("CHECKPOINT").update();
                System.out.printf(Locale.ROOT, "checkpoint in %.1f s%n", secs(k0));
            }
            int moved = jdbc.sql("SELECT count(*) FROM act_ru_job WHERE " + DEADLINE_JOBS + " AND duedate_ = ?").param(java.sql.Timestamp.from(t.toInstant())).query(Integer.class).single();
            System.out.printf(Locale.ROOT, "%d deadline timers due at %s%n", moved,
                    t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));

            boolean pgstat = Boolean.getBoolean("bench.pgstat");
            if (pgstat) {
                jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
                jdbc.sql("SELECT pg_stat_statements_reset()").query().listOfRows();
            }
            // polled through the review tasks' count (a few ms), the full condition (25 ms at 10,000 cases, database
            // time the storm would share) only once they are all there
            await(() -> reviewTasks(jdbc) >= n && overdueWithReview(jdbc) == n,
                    "every case overdue with its review task");
            OffsetDateTime done = OffsetDateTime.now();
            if (pgstat) {
                // -Dbench.pgstat=true: where the database's time went during the storm, the 25 costliest statements
                System.out.println("| total ms | plan ms | calls | mean ms | rows | statement |");
                jdbc.sql("""
                        SELECT round(total_exec_time::numeric, 0) AS total, round(total_plan_time::numeric, 0) AS plan, calls, round(mean_exec_time::numeric, 3)
                          AS mean, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 220) AS q
                        FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 40""").query().listOfRows()
                        .forEach(r -> System.out.println("| " + r.get("total") + " | " + r.get("plan") + " | " + r.get("calls") + " | "
                                + r.get("mean") + " | " + r.get("rows") + " | " + r.get("q") + " |"));
            }
            double storm = Duration.between(t, done).toMillis() / 1000.0;
            int marks = jdbc.sql("SELECT count(*) FROM petition_event WHERE kind = 'OVERDUE'").query(Integer.class)
                    .single();
            int reviews = reviewTasks(jdbc);
            int failedJobs = jdbc.sql("SELECT count(*) FROM act_ru_job WHERE exception_msg_ IS NOT NULL")
                    .query(Integer.class).single();
            int incidents = jdbc.sql("SELECT count(*) FROM act_ru_incident").query(Integer.class).single();
            String line = String.format(Locale.ROOT,
                    "| %d | 2 | %d | %d | %d | %d | %d | %.1f | %.0f | %d | %d | %d |", n, threads, jobs, queue,
                    connections, lock, storm, n / storm, marks, reviews, failedJobs);
            System.out.println("| N | nodes | threads | jobs/acq. | queue | connections | lock ms | s from T to all overdue "
                    + "| cases/s | overdue marks | review tasks | jobs with exception |");
            System.out.println(line);
            Path out = Path.of("target", "bench", "deadline-storm.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, line + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            Bench.holdIfAsked(dbUrl);
            Assertions.assertEquals(n, marks, "each case marked overdue once");
            Assertions.assertEquals(n, reviews, "each case one review task");
            Assertions.assertEquals(0, incidents, "no incident");
        } finally {
            a.close();
        }
    }

    private static int timers(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM act_ru_job WHERE " + DEADLINE_JOBS)
                .query(Integer.class).single();
    }

    private static int reviewTasks(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM act_ru_task WHERE task_def_key_ = 'UserTask_ReviewOverdue'")
                .query(Integer.class).single();
    }

    private static int overdueWithReview(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT count(*) FROM petition p WHERE p.overdue = TRUE AND EXISTS (
                  SELECT 1 FROM act_ru_task t WHERE t.proc_inst_id_ = p.process_instance_id
                    AND t.task_def_key_ = 'UserTask_ReviewOverdue')""").query(Integer.class).single();
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("Not within " + LIMIT + ": " + what);
            }
            Thread.sleep(250);
        }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
