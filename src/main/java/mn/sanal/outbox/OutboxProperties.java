package mn.sanal.outbox;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code acknowledgementLimit}: automatic messages of these {@code kinds} (the acknowledgement of a new petition) go to
 * one recipient at most {@code perRecipient} times per {@code window}; the rest stay in the outbox as SUPPRESSED.
 */
@ConfigurationProperties("sanal.outbox")
public record OutboxProperties(Duration pollInterval, int batchSize, int maxAttempts,
                               AcknowledgementLimit acknowledgementLimit) {

    public record AcknowledgementLimit(Set<String> kinds, int perRecipient, Duration window) {
    }
}
