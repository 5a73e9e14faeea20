package mn.sanal.outbox;

/**
 * A message to enqueue. {@code messageKey} names it for what it is (petition, kind, occasion), so that a job that
 * runs twice writes it once.
 */
public record NewOutboxMessage(String messageKey, Long petitionId, String kind, String channel, String recipient,
                               String subject, String body) {
}
