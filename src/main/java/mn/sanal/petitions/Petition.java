package mn.sanal.petitions;

import java.time.OffsetDateTime;

/** One row of the petition table. */
public record Petition(
        long id,
        String trackingCode,
        PetitionType type,
        Channel channel,
        String channelMessageId,
        String contactPhone,
        String contactEmail,
        String contactFax,
        String citizenName,
        String text,
        String category,
        String aimagCode,
        String soumCode,
        String bagCode,
        String addressText,
        Double latitude,
        Double longitude,
        String responsibleBody,
        OffsetDateTime receivedAt,
        OffsetDateTime dueAt,
        OffsetDateTime originalDueAt,
        Integer extensionDays,
        PetitionStatus status,
        boolean overdue,
        String answer,
        String outcome,
        OffsetDateTime answeredAt,
        Integer rating,
        OffsetDateTime closedAt,
        String processInstanceId,
        OffsetDateTime updatedAt) {

    public boolean extended() {
        return extensionDays != null;
    }
}
