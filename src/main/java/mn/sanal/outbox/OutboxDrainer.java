package mn.sanal.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import mn.sanal.platform.ClusterNodes;


/**
 * Drains the outbox for every channel that does not drain itself: through the channel's {@link OutboxSender}, or
 * the logging fallback where the deployment has no adapter for it. Failures are retried with
 * exponential back-off (30 s, 1 min, 2 min... capped at 1 h) up to {@code sanal.outbox.max-attempts}.
 */
@Component
class OutboxDrainer {

    private static final Logger log = LoggerFactory.getLogger(OutboxDrainer.class);

    private final OutboxService outbox;
    private final List<OutboxSender> senders;
    private final List<SelfDrainingChannel> selfDraining;
    private final OutboxSender fallback = new LoggingOutboxSender();
    private final OutboxProperties properties;
    private final OutboxChannels channels;
    private final String claimant;

    OutboxDrainer(OutboxService outbox, ObjectProvider<OutboxSender> senders,
                  ObjectProvider<SelfDrainingChannel> selfDraining, OutboxProperties properties,
                  OutboxChannels channels, ClusterNodes cluster) {
        this.claimant = cluster.nodeId() + "/drainer";
        this.outbox = outbox;
        this.senders = senders.orderedStream().toList();
        this.selfDraining = selfDraining.orderedStream().toList();
        this.properties = properties;
        this.channels = channels;
    }

    @Scheduled(fixedDelayString = "${sanal.outbox.poll-interval}")
    void drain() {
        drainOnce(channels.names().stream().filter(c -> senderFor(c).isPresent()).collect(Collectors.toSet()));
    }

    /** One pass over the due messages; returns how many were sent. */
    int drainOnce(Set<String> channels) {
        int sent = 0;
        for (OutboxMessage m : outbox.claim(channels, properties.batchSize(), claimant)) {
            OutboxSender sender = senderFor(m.channel()).orElseThrow();
            if (!outbox.stillClaimed(m.id(), claimant)) {
                continue; // released while this node was taken for dead: another node sends it
            }
            try {
                outbox.markSent(m.id(), sender.send(m));
                sent++;
            } catch (Exception e) {
                Duration delay = Duration.ofSeconds(Math.min(3600, 30L << Math.min(m.attempts() - 1, 7)));
                log.warn("Outbox message {} ({} to {}) failed, attempt {}: {}", m.id(), m.kind(), m.channel(),
                        m.attempts(), e.getClass().getName());
                outbox.retryLater(m.id(), e.toString(), delay, properties.maxAttempts());
            }
        }
        return sent;
    }

    /** The adapter for the channel; the logging fallback where there is none and the channel does not drain itself. */
    private Optional<OutboxSender> senderFor(String channel) {
        Optional<OutboxSender> adapter = senders.stream().filter(s -> s.supports(channel)).findFirst();
        if (adapter.isPresent() || selfDraining.stream().anyMatch(c -> c.channel().equals(channel))) {
            return adapter;
        }
        return Optional.of(fallback);
    }
}
