package mn.sanal.outbox;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code claimTimeout}: a row claimed this long ago and still not sent is taken to be from a sender that hung or died
 * (a dead node's claims are released sooner, as soon as the cluster finds it dead: platform.ClusterNodes).
 * {@code acknowledgementLimit}: automatic messages of these {@code kinds} (the acknowledgement of a new petition) go to
 * one recipient at most {@code perRecipient} times per {@code window}; the rest stay in the outbox as SUPPRESSED.
 */
@ConfigurationProperties("sanal.outbox")
public record OutboxProperties(Duration pollInterval, int batchSize, int maxAttempts,
                               AcknowledgementLimit acknowledgementLimit, Duration claimTimeout) {

    public OutboxProperties {
        claimTimeout = claimTimeout == null ? Duration.ofMinutes(2) : claimTimeout;
    }

    public record AcknowledgementLimit(Set<String> kinds, int perRecipient, Duration window) {
    }
}
