package mn.sanal.outbox;

/**
 * A channel adapter that carries outbox messages: the {@link OutboxDrainer} claims due messages and hands each to
 * the sender that supports its channel. A channel that paces its own draining (SMS at the operator's rate) instead
 * declares itself a {@link SelfDrainingChannel} and uses {@link OutboxService#claim} directly.
 */
public interface OutboxSender {

    boolean supports(String channel);

    /**
     * Sends the message and returns the channel's id for it (SMSC message id, Message-ID), or throws to have it
     * retried with back-off.
     */
    String send(OutboxMessage message) throws Exception;
}
