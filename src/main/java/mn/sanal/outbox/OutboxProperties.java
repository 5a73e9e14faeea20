package mn.sanal.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("sanal.outbox")
public record OutboxProperties(Duration pollInterval, int batchSize, int maxAttempts) {
}
