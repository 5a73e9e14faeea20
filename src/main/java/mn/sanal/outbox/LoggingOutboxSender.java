package mn.sanal.outbox;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender of last resort: logs what would be sent on a channel that has no adapter in this deployment, and
 * counts it sent. Channel adapters (SMS, mail, fax) register their own {@link OutboxSender} and take precedence.
 */
class LoggingOutboxSender implements OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingOutboxSender.class);

    @Override
    public boolean supports(String channel) {
        return true;
    }

    @Override
    public String send(OutboxMessage m) {
        log.info("[{} -> {}] {}", m.channel(), m.recipient(), m.body());
        return "log-" + UUID.randomUUID();
    }
}
