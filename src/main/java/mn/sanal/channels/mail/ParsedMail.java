package mn.sanal.channels.mail;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An inbound mail as the channels need it: decoded subject and text, the sender, threading headers and the files.
 *
 * @param dedupKey  the Message-ID (without angle brackets), or a hash of the raw mail when it has none
 * @param headers   selected raw headers by lower-case name (first value), for gateway patterns
 */
public record ParsedMail(String dedupKey, String messageId, String from, String fromName, String to,
                         String subject, String text, List<String> references, List<File> files,
                         Map<String, String> headers, OffsetDateTime sentAt) {

    /** A file the mail carries; the name is the sender's and only metadata. */
    public record File(String declaredName, String declaredType, Opener content) {
    }

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws Exception;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
