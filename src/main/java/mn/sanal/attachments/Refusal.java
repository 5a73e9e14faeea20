package mn.sanal.attachments;

/** A file kept out of the store, with the reason in words a citizen understands (Mongolian). */
public record Refusal(String fileName, String reasonMn) {
}
