package mn.sanal.platform;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The app nodes sharing the database ({@code cluster_node}). Each node beats its heart every
 * {@code sanal.cluster.heartbeat} on a thread of its own (a busy scheduler never makes a live node look dead). At each
 * beat it also looks for nodes silent for {@code node-timeout}: for each, every {@link DeadNodeListener} releases what
 * that node had claimed (the outbox rows it was sending), then its row goes. Several live nodes may do this at once;
 * releasing is idempotent.
 * <p>
 * Leases ({@code cluster_lease}): work only one node may do at a time (polling the mailbox, the one SMPP bind an SMSC
 * may allow per account) is done by the node that holds the lease. A holder renews it at every beat; a lease not
 * renewed for {@code lease-time} (its holder died) is taken by the next node that asks.
 * <p>
 * Liveness uses the wall clock, not the engine's (process tests move the engine's clock).
 */
@Component
public class ClusterNodes implements SmartLifecycle {

    /** Told of a node found dead, to release what that node held. */
    public interface DeadNodeListener {
        void nodeDied(String nodeId);
    }

    private static final Logger log = LoggerFactory.getLogger(ClusterNodes.class);

    private final JdbcClient jdbc;
    private final ClusterProperties properties;
    private final ObjectProvider<DeadNodeListener> listeners;
    private final String nodeId;
    private ScheduledExecutorService beats;
    private volatile boolean running;
    private volatile int live = 1;

    ClusterNodes(JdbcClient jdbc, ClusterProperties properties, ObjectProvider<DeadNodeListener> listeners) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.listeners = listeners;
        this.nodeId = properties.nodeId();
    }

    /** This node's name: claims and leases carry it. */
    public String nodeId() {
        return nodeId;
    }

    /** How many nodes beat within the node timeout at the last heartbeat (at least this one). */
    public int liveNodes() {
        return live;
    }

    public ClusterProperties properties() {
        return properties;
    }

    /** Nodes alive now, by id. */
    public List<String> liveNodeIds() {
        return jdbc.sql("SELECT node_id FROM cluster_node WHERE heartbeat_at >= ? ORDER BY node_id")
                .param(now().minus(properties.nodeTimeout())).query(String.class).list();
    }

    /**
     * Takes or renews the lease {@code name} for this node; true while this node holds it. Taking is a
     * compare-and-set: only a free or expired lease changes hands.
     */
    public boolean holdLease(String name) {
        OffsetDateTime now = now();
        OffsetDateTime until = now.plus(properties.leaseTime());
        try {
            int n = jdbc.sql("UPDATE cluster_lease SET holder = ?, expires_at = ? "
                            + "WHERE name = ? AND (holder = ? OR expires_at < ?)")
                    .params(nodeId, until, name, nodeId, now).update();
            if (n == 1) {
                return true;
            }
            try {
                return jdbc.sql("INSERT INTO cluster_lease (name, holder, expires_at) VALUES (?, ?, ?)")
                        .params(name, nodeId, until).update() == 1;
            } catch (DuplicateKeyException held) {
                return false;
            }
        } catch (DataAccessException e) {
            log.warn("Lease {} could not be renewed: {}", name, e.getClass().getName());
            return false;
        }
    }

    /** Gives the lease up (on shutdown), so that another node takes it at once. */
    public void releaseLease(String name) {
        try {
            jdbc.sql("DELETE FROM cluster_lease WHERE name = ? AND holder = ?").params(name, nodeId).update();
        } catch (DataAccessException e) {
            log.debug("Lease {} not released: {}", name, e.getClass().getName());
        }
    }

    /** One heartbeat: this node is alive; dead nodes' claims are released. */
    public void beat() {
        OffsetDateTime now = now();
        if (jdbc.sql("UPDATE cluster_node SET heartbeat_at = ? WHERE node_id = ?").params(now, nodeId).update() == 0) {
            jdbc.sql("INSERT INTO cluster_node (node_id, started_at, heartbeat_at) VALUES (?, ?, ?)")
                    .params(nodeId, now, now).update();
        }
        live = Math.max(1, jdbc.sql("SELECT COUNT(*) FROM cluster_node WHERE heartbeat_at >= ?")
                .param(now.minus(properties.nodeTimeout())).query(Integer.class).single());
        List<String> dead = jdbc.sql("SELECT node_id FROM cluster_node WHERE heartbeat_at < ?")
                .param(now.minus(properties.nodeTimeout())).query(String.class).list();
        for (String d : dead) {
            log.warn("Node {} silent for more than {}: releasing what it held", d, properties.nodeTimeout());
            listeners.orderedStream().forEach(l -> l.nodeDied(d));
            jdbc.sql("DELETE FROM cluster_node WHERE node_id = ? AND heartbeat_at < ?")
                    .params(d, now.minus(properties.nodeTimeout())).update();
        }
    }

    @Override
    public void start() {
        beat();
        beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cluster-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long period = properties.heartbeat().toMillis();
        beats.scheduleWithFixedDelay(() -> {
            try {
                beat();
            } catch (RuntimeException e) {
                log.warn("Heartbeat failed: {}", e.getClass().getName());
            }
        }, period, period, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (beats != null) {
            beats.shutdownNow();
        }
        try {
            // stopping last (the channels have stopped): what this node still held goes back at once
            listeners.orderedStream().forEach(l -> l.nodeDied(nodeId));
            jdbc.sql("DELETE FROM cluster_node WHERE node_id = ?").param(nodeId).update();
        } catch (DataAccessException e) {
            log.debug("Node row not removed: {}", e.getClass().getName());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Early: before the channels start taking work. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
