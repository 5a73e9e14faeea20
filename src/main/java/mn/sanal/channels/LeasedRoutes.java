package mn.sanal.channels;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import mn.sanal.platform.ClusterNodes;

/**
 * Routes that only one node at a time may run: the mailbox poller (two pollers would take the same unseen mail at
 * once), and the SMPP binds where the SMSC allows one bind per account ({@code sanal.sms.binds: one}). A channel
 * registers its routes under a lease name, with {@code autoStartup(false)}. At every heartbeat this node takes or
 * renews the lease ({@link ClusterNodes#holdLease}) and starts the routes while it holds it, stops them when it does
 * not. A holder that dies stops renewing; after {@code sanal.cluster.lease-time} the next node takes over.
 * A mail seen by two nodes in the moment of a handover is still taken once: its Message-ID is intake's dedup key.
 */
@Component
public class LeasedRoutes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeasedRoutes.class);

    private final ClusterNodes cluster;
    /**
     * Looked up when needed, not injected: the channels' RouteBuilders depend on this bean, and a RouteBuilder whose
     * creation pulls in the CamelContext is missed when Camel collects the routes (no route would start at all).
     */
    private final ObjectProvider<CamelContext> camelProvider;
    private final Map<String, List<String>> leases = new ConcurrentHashMap<>();
    private final Map<String, Boolean> held = new ConcurrentHashMap<>();
    private ScheduledExecutorService ticks;
    private volatile boolean running;

    LeasedRoutes(ClusterNodes cluster, ObjectProvider<CamelContext> camel) {
        this.cluster = cluster;
        this.camelProvider = camel;
    }

    /** The routes {@code routeIds} (created with autoStartup false) run only on the holder of {@code lease}. */
    public void register(String lease, String... routeIds) {
        leases.merge(lease, List.of(routeIds),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
    }

    /** True while this node holds the lease and runs its routes. */
    public boolean holds(String lease) {
        return held.getOrDefault(lease, false);
    }

    void tick() {
        CamelContext camel = camelProvider.getIfAvailable();
        if (camel == null || !camel.isStarted()) {
            return;
        }
        leases.forEach((lease, routes) -> {
            boolean mine = cluster.holdLease(lease);
            for (String id : routes) {
                try {
                    ServiceStatus status = camel.getRouteController().getRouteStatus(id);
                    if (status == null) {
                        continue;
                    }
                    if (mine && !status.isStarted() && !status.isStarting()) {
                        log.info("Lease {} held by this node ({}): starting route {}", lease, cluster.nodeId(), id);
                        camel.getRouteController().startRoute(id);
                    } else if (!mine && (status.isStarted() || status.isStarting())) {
                        log.info("Lease {} not held by this node: stopping route {}", lease, id);
                        camel.getRouteController().stopRoute(id, 10, TimeUnit.SECONDS);
                    }
                } catch (Exception e) {
                    log.warn("Route {} under lease {}: {}", id, lease, e.getClass().getName());
                }
            }
            held.put(lease, mine);
        });
    }

    @Override
    public void start() {
        ticks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "leased-routes");
            t.setDaemon(true);
            return t;
        });
        long period = cluster.properties().heartbeat().toMillis();
        ticks.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                log.warn("Leases not checked: {}", e.getClass().getName());
            }
        }, 0, period, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (ticks != null) {
            ticks.shutdownNow();
        }
        leases.keySet().forEach(cluster::releaseLease);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After Camel has started its routes, before it stops them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
