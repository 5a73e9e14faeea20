package mn.sanal.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Several app nodes on one database. {@code nodeId}: this node's name (default: host, process id and a random part,
 * new at every start). Every {@code heartbeat} a node writes that it is alive; one silent for {@code nodeTimeout} is
 * dead, and a live node releases its claims. A lease (the mailbox poller, the single SMPP bind) lasts
 * {@code leaseTime} unless its holder renews it, which it does at every heartbeat.
 */
@ConfigurationProperties("sanal.cluster")
public record ClusterProperties(
        String nodeId,
        @DefaultValue("PT5S") Duration heartbeat,
        @DefaultValue("PT20S") Duration nodeTimeout,
        @DefaultValue("PT20S") Duration leaseTime) {

    public ClusterProperties {
        nodeId = nodeId == null || nodeId.isBlank() ? defaultId() : nodeId.strip();
    }

    private static String defaultId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        return (host.length() > 60 ? host.substring(0, 60) : host) + "-" + ProcessHandle.current().pid() + "-"
                + java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
