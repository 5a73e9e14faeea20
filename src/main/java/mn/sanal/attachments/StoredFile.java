package mn.sanal.attachments;

/** A file accepted into the content-addressed store, not yet linked to a petition. */
public record StoredFile(String fileName, String mediaType, long sizeBytes, String sha256, String storageRef) {
}
