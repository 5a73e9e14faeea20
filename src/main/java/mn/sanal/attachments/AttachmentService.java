package mn.sanal.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import mn.sanal.platform.Clocks;

/**
 * The evidence citizens send. A channel opens a {@link Batch} per inbound message, adds every file it carries
 * (stored right away in the content-addressed store, screened for size and type detected from the bytes), and after
 * the intake created the petition {@link #attach attaches} the accepted files in the intake's transaction. What was
 * refused is told to the citizen ({@link #refusalNotice}).
 */
@Service
public class AttachmentService {

    /** Types never taken, whatever the file is called: programs and scripts. */
    static final List<String> DEFAULT_FORBIDDEN = List.of("application/x-msdownload", "application/x-dosexec",
            "application/x-executable", "application/x-elf", "application/x-sharedlib", "application/x-mach-o",
            "application/x-mach-o-executable", "application/x-sh", "application/x-bat", "application/x-msi",
            "application/java-vm", "application/java-archive", "application/x-ms-shortcut",
            "application/vnd.microsoft.portable-executable");

    private static final MediaTypeRegistry TYPES = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();

    private final AttachmentStore store;
    private final AttachmentProperties properties;
    private final JdbcClient jdbc;
    private final Tika tika = new Tika();
    private final List<MediaType> forbidden;

    AttachmentService(AttachmentStore store, AttachmentProperties properties, JdbcClient jdbc) {
        this.store = store;
        this.properties = properties;
        this.jdbc = jdbc;
        this.forbidden = (properties.forbiddenTypes().isEmpty() ? DEFAULT_FORBIDDEN : properties.forbiddenTypes())
                .stream().map(MediaType::parse).toList();
    }

    public Batch newBatch() {
        return new Batch();
    }

    /** The files of one inbound message, screened one by one against the per-file and per-message limits. */
    public final class Batch {
        private final List<StoredFile> accepted = new ArrayList<>();
        private final List<Refusal> refused = new ArrayList<>();
        private long total;

        private Batch() {
        }

        /** Stores and screens one file; the declared name is kept only as (sanitised) metadata. */
        public void add(String declaredName, InputStream content) {
            String name = FileNames.sanitize(declaredName);
            long perFile = properties.maxFileSize().toBytes();
            long left = properties.maxMessageSize().toBytes() - total;
            try {
                AttachmentStore.Written w = store.write(content, Math.min(perFile, Math.max(left, 0)));
                if (w.tooLarge()) {
                    refused.add(new Refusal(name, w.size() > perFile
                            ? "файлын хэмжээ " + mb(perFile) + "-аас их"
                            : "нэг мессежийн хавсралтын нийт хэмжээ " + mb(properties.maxMessageSize().toBytes())
                              + "-аас хэтэрсэн"));
                    return;
                }
                String type = detect(w.temp());
                if (isForbidden(type)) {
                    store.discard(w);
                    refused.add(new Refusal(name, "програм, скрипт төрлийн файл хүлээн авахгүй (" + type + ")"));
                    return;
                }
                if (w.size() == 0) {
                    store.discard(w);
                    refused.add(new Refusal(name, "хоосон файл"));
                    return;
                }
                String ref = store.keep(w);
                total += w.size();
                accepted.add(new StoredFile(name, type, w.size(), w.sha256(), ref));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not store attachment " + name, e);
            }
        }

        public List<StoredFile> accepted() {
            return List.copyOf(accepted);
        }

        public List<Refusal> refused() {
            return List.copyOf(refused);
        }
    }

    /** Links accepted files to the petition, in the caller's (the intake's) transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void attach(long petitionId, List<StoredFile> files) {
        OffsetDateTime now = Clocks.now();
        for (StoredFile f : files) {
            jdbc.sql("INSERT INTO petition_attachment (petition_id, file_name, media_type, size_bytes, sha256, "
                            + "storage_ref, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(petitionId, f.fileName(), f.mediaType(), f.sizeBytes(), f.sha256(), f.storageRef(), now)
                    .update();
        }
    }

    @Transactional(readOnly = true)
    public List<Attachment> forPetition(long petitionId) {
        return jdbc.sql("SELECT * FROM petition_attachment WHERE petition_id = ? ORDER BY id").param(petitionId)
                .query(AttachmentService::map).list();
    }

    @Transactional(readOnly = true)
    public Optional<Attachment> find(long id) {
        return jdbc.sql("SELECT * FROM petition_attachment WHERE id = ?").param(id)
                .query(AttachmentService::map).optional();
    }

    /**
     * The stored bytes of an attachment, read from the database a chunk at a time (close the stream when done). Every
     * node reads the same store.
     */
    public InputStream content(Attachment a) {
        return store.open(a.sha256())
                .orElseThrow(() -> new IllegalStateException("Attachment " + a.id() + " is missing from the store"));
    }

    /** What to tell the citizen about files that were kept out, in Mongolian; empty when all were taken. */
    public static Optional<String> refusalNotice(String trackingCode, List<Refusal> refused) {
        if (refused.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Таны " + trackingCode + " дугаартай өргөдлийг хүлээн авсан боловч дараах хавсралтыг "
                + "хүлээн аваагүй: " + refused.stream().map(r -> r.fileName() + " (" + r.reasonMn() + ")")
                .collect(Collectors.joining("; ")) + ".");
    }

    /** Lines for an official's form: name, type, size and the link to open it. */
    public String linksText(long petitionId) {
        return forPetition(petitionId).stream()
                .map(a -> "- [" + a.fileName() + "](/attachments/" + a.id() + ") (" + a.mediaType() + ", "
                        + human(a.sizeBytes()) + ")")
                .collect(Collectors.joining("\n"));
    }

    String detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return MediaType.parse(tika.detect(in)).getBaseType().toString();
        }
    }

    boolean isForbidden(String type) {
        MediaType t = MediaType.parse(type);
        return forbidden.stream().anyMatch(f -> f.equals(t) || TYPES.isSpecializationOf(t, f)
                || TYPES.isSpecializationOf(TYPES.normalize(t), f) || TYPES.normalize(t).equals(TYPES.normalize(f)));
    }

    private static String mb(long bytes) {
        return (bytes / (1024 * 1024)) + " МБ";
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " Б";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f КБ", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f МБ", bytes / (1024.0 * 1024));
    }

    private static Attachment map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Attachment(rs.getLong("id"), rs.getLong("petition_id"), rs.getString("file_name"),
                rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("storage_ref"), rs.getObject("created_at", OffsetDateTime.class));
    }
}
