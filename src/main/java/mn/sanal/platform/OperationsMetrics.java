package mn.sanal.platform;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import mn.sanal.petitions.Channel;

/**
 * What the people who run Sanal watch, read from the database every node shares (so every node reports the same
 * figures; take {@code max} across nodes): outbox depth and the age of its oldest unsent row per channel, the job
 * executor's backlog (jobs due now) and failed jobs (no retries left), open incidents, open and overdue cases.
 * Read at most every {@link #FRESH} (a scrape reads a snapshot; nobody scraping costs nothing). Counters of what
 * happens on a node (messages in per channel and kind, intake failures, SMS submits) are kept where it happens.
 */
@Component
class OperationsMetrics implements MeterBinder {

    /** Every meter says which node it comes from (sanal.cluster.node-id). */
    @org.springframework.context.annotation.Configuration
    static class NodeTag {
        @org.springframework.context.annotation.Bean
        org.springframework.boot.actuate.autoconfigure.metrics.MeterRegistryCustomizer<MeterRegistry> nodeTag(
                ClusterProperties cluster) {
            return registry -> registry.config().commonTags("node", cluster.nodeId());
        }
    }

    static final Duration FRESH = Duration.ofSeconds(10);

    record Snapshot(long at, Map<String, Long> outboxDepth, Map<String, Double> outboxOldestSeconds, long jobsDue,
                    long jobsFailed, long incidents, long casesOpen, long casesOverdue) {
    }

    private final JdbcClient jdbc;
    private final ProcessEngine engine;
    private volatile Snapshot snapshot;

    OperationsMetrics(JdbcClient jdbc, ProcessEngine engine) {
        this.jdbc = jdbc;
        this.engine = engine;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Channel c : Channel.values()) {
            String ch = c.name();
            Gauge.builder("sanal.outbox.depth", this, m -> m.snapshot().outboxDepth().getOrDefault(ch, 0L))
                    .description("Outbox rows not yet sent (pending or being sent)").tag("channel", ch)
                    .register(registry);
            Gauge.builder("sanal.outbox.oldest.age", this,
                            m -> m.snapshot().outboxOldestSeconds().getOrDefault(ch, 0.0))
                    .description("Age of the oldest unsent outbox row").baseUnit("seconds").tag("channel", ch)
                    .register(registry);
        }
        Gauge.builder("sanal.jobs.due", this, m -> m.snapshot().jobsDue())
                .description("Job executor backlog: jobs due now, not yet done").register(registry);
        Gauge.builder("sanal.jobs.failed", this, m -> m.snapshot().jobsFailed())
                .description("Jobs with no retries left").register(registry);
        Gauge.builder("sanal.incidents.open", this, m -> m.snapshot().incidents())
                .description("Open Camunda incidents").register(registry);
        Gauge.builder("sanal.cases.open", this, m -> m.snapshot().casesOpen())
                .description("Petitions not closed").register(registry);
        Gauge.builder("sanal.cases.overdue", this, m -> m.snapshot().casesOverdue())
                .description("Open petitions past their legal due date").register(registry);
    }

    Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null || System.currentTimeMillis() - s.at() > FRESH.toMillis()) {
            synchronized (this) {
                s = snapshot;
                if (s == null || System.currentTimeMillis() - s.at() > FRESH.toMillis()) {
                    s = read();
                    snapshot = s;
                }
            }
        }
        return s;
    }

    private Snapshot read() {
        OffsetDateTime now = Clocks.now();
        Map<String, Long> depth = new HashMap<>();
        Map<String, Double> oldest = new HashMap<>();
        jdbc.sql("SELECT channel, count(*) AS n, min(created_at) AS oldest FROM outbox "
                        + "WHERE status IN ('PENDING', 'SENDING') GROUP BY channel")
                .query(rs -> {
                    String ch = rs.getString("channel");
                    depth.put(ch, rs.getLong("n"));
                    OffsetDateTime o = rs.getObject("oldest", OffsetDateTime.class);
                    oldest.put(ch, o == null ? 0.0 : Math.max(0, Duration.between(o, now).toMillis() / 1000.0));
                });
        var jobs = engine.getManagementService();
        long due = jobs.createJobQuery().executable().count();
        long failed = jobs.createJobQuery().noRetriesLeft().count();
        long incidents = engine.getRuntimeService().createIncidentQuery().count();
        long open = jdbc.sql("SELECT count(*) FROM petition WHERE closed_at IS NULL").query(Long.class).single();
        long overdue = jdbc.sql("SELECT count(*) FROM petition WHERE closed_at IS NULL AND overdue = TRUE")
                .query(Long.class).single();
        return new Snapshot(System.currentTimeMillis(), depth, oldest, due, failed, incidents, open, overdue);
    }
}
