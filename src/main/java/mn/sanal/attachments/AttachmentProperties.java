package mn.sanal.attachments;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The attachments: {@code dir}, the old per-node file store whose files are moved into the database at startup
 * ({@link AttachmentFileImport}; the bytes now live in the database, shared by every node), how much one file and one message may carry (sized for phone photos
 * and short videos), and which detected types are never accepted (executables, scripts).
 */
@ConfigurationProperties("sanal.attachments")
public record AttachmentProperties(Path dir, DataSize maxFileSize, DataSize maxMessageSize,
                                   List<String> forbiddenTypes) {

    public AttachmentProperties {
        dir = dir == null ? Path.of("data", "attachments") : dir;
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(25) : maxFileSize;
        maxMessageSize = maxMessageSize == null ? DataSize.ofMegabytes(50) : maxMessageSize;
        forbiddenTypes = forbiddenTypes == null ? List.of() : List.copyOf(forbiddenTypes);
    }
}
