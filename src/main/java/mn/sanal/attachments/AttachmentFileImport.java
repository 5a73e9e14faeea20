package mn.sanal.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves the evidence of the old per-node file store ({@code sanal.attachments.dir}, {@code <dir>/ab/cd/<sha256>})
 * into the database, once, at startup: every attachment whose bytes the database lacks is read from that directory,
 * checked against its hash and stored. Safe on several nodes at once (a content row is written whole or not at all,
 * the same bytes once) and on every restart (what is stored is skipped). Files are left where they are; once the
 * log says nothing is missing, the directory may be archived and removed.
 */
@Component
@Order(0)
class AttachmentFileImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AttachmentFileImport.class);

    record Result(int imported, int missing, int damaged) {
    }

    private final AttachmentProperties properties;
    private final AttachmentStore store;
    private final JdbcClient jdbc;

    AttachmentFileImport(AttachmentProperties properties, AttachmentStore store, JdbcClient jdbc) {
        this.properties = properties;
        this.store = store;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        Result r = importFiles();
        if (r.imported() + r.missing() + r.damaged() > 0) {
            log.info("Attachment files from {} moved into the database: {} imported, {} missing, {} damaged",
                    properties.dir(), r.imported(), r.missing(), r.damaged());
        }
    }

    Result importFiles() {
        Path root = properties.dir().toAbsolutePath().normalize();
        List<String> lacking = jdbc.sql("""
                SELECT DISTINCT a.sha256 FROM petition_attachment a
                WHERE NOT EXISTS (SELECT 1 FROM attachment_content c WHERE c.sha256 = a.sha256)
                """).query(String.class).list();
        if (lacking.isEmpty()) {
            return new Result(0, 0, 0);
        }
        int imported = 0;
        int missing = 0;
        int damaged = 0;
        for (String sha : lacking) {
            sha = sha.strip();
            Path file = AttachmentStore.isSha256(sha) ? AttachmentStore.legacyPath(root, AttachmentStore.ref(sha)) : null;
            if (file == null || !Files.isRegularFile(file)) {
                missing++;
                log.warn("Attachment content {} is in no store: not in the database, not under {}", sha, root);
                continue;
            }
            try {
                long size = Files.size(file);
                if (!sha.equals(hash(file))) {
                    damaged++;
                    log.warn("Attachment file {} does not match its hash; left out", file);
                    continue;
                }
                store.store(sha, size, file);
                imported++;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not import attachment file " + file, e);
            }
        }
        return new Result(imported, missing, damaged);
    }

    private static String hash(Path file) throws IOException {
        MessageDigest sha = AttachmentStore.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
