package mn.sanal.outbox;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender of last resort: logs that a message (never its text or recipient) would be sent on a channel that has
 * no adapter in this deployment, and counts it sent. Channel adapters (SMS, mail, fax) register their own {@link OutboxSender} and take precedence.
 */
class LoggingOutboxSender implements OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingOutboxSender.class);

    @Override
    public boolean supports(String channel) {
        return true;
    }

    @Override
    public String send(OutboxMessage m) {
        log.info("Outbox message {} ({} on {}): no sender in this deployment, counted as sent", m.id(), m.kind(),
                m.channel());
        return "log-" + UUID.randomUUID();
    }
}
