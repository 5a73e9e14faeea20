package mn.sanal.attachments;

import java.time.OffsetDateTime;

/** One row of petition_attachment: the citizen's file by reference; {@code fileName} is metadata only. */
public record Attachment(long id, long petitionId, String fileName, String mediaType, long sizeBytes, String sha256,
                         String storageRef, OffsetDateTime createdAt) {
}
