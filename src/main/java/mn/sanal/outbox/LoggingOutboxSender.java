package mn.sanal.outbox;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The sender of last resort: logs what would be sent on a channel that has no adapter in this deployment, and
 * marks it sent. Channel adapters (SMS, mail, fax) register their own {@link OutboxSender} and take precedence.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class LoggingOutboxSender implements OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingOutboxSender.class);

    private final List<OutboxSender> all;
    private final List<SelfDrainingChannel> selfDraining;

    LoggingOutboxSender(@Lazy List<OutboxSender> all, List<SelfDrainingChannel> selfDraining) {
        this.all = all;
        this.selfDraining = selfDraining;
    }

    @Override
    public boolean supports(String channel) {
        return selfDraining.stream().noneMatch(c -> c.channel().equals(channel))
                && all.stream().filter(s -> s != this).noneMatch(s -> s.supports(channel));
    }

    @Override
    public String send(OutboxMessage m) {
        log.info("[{} -> {}] {}", m.channel(), m.recipient(), m.body());
        return "log-" + UUID.randomUUID();
    }
}
