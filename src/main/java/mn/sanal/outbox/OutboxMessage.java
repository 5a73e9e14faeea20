package mn.sanal.outbox;

import java.time.OffsetDateTime;

/** One message the processes want said to a citizen, as stored in the outbox. */
public record OutboxMessage(
        long id,
        String messageKey,
        Long petitionId,
        String kind,
        String channel,
        String recipient,
        String subject,
        String body,
        String status,
        int attempts,
        OffsetDateTime createdAt,
        OffsetDateTime sentAt,
        String externalId,
        String deliveryStatus) {
}
