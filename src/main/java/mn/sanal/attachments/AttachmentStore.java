package mn.sanal.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import mn.sanal.platform.Clocks;

/**
 * Content-addressed store in the database, shared by every node: the bytes of a file live in
 * {@code attachment_content} / {@code attachment_chunk}, keyed by nothing but their own SHA-256. Writing the same
 * bytes twice stores them once; no input chooses a key.
 * <p>
 * A file arrives as a stream: it is hashed into a temporary file of this node ({@link #write}), screened by the
 * caller, and then copied into the database chunk by chunk ({@link #keep}) in a transaction of its own, before the
 * petition commits (an orphan left by a failed intake is harmless and found by its hash on the next try). It is read
 * back chunk by chunk ({@link #open}): at most {@link #CHUNK_SIZE} bytes of a file are in memory at a time, on the
 * way in and on the way out.
 */
@Component
class AttachmentStore {

    /** Bytes per chunk row: small enough to hold in memory many times over, large enough that 25 MB is 100 rows. */
    static final int CHUNK_SIZE = 256 * 1024;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    AttachmentStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A file being written: its hash and size, or {@code tooLarge} when it passed the limit (then nothing kept). */
    record Written(Path temp, String sha256, long size, boolean tooLarge) {
    }

    /** Streams {@code in} to a temporary file of this node, hashing it; stops at {@code limit} bytes. */
    Written write(InputStream in, long limit) throws IOException {
        Path temp = Files.createTempFile("sanal-attachment-", ".part");
        MessageDigest sha = sha256();
        long total = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) != -1) {
                total += n;
                if (total > limit) {
                    out.close();
                    Files.deleteIfExists(temp);
                    return new Written(null, null, total, true);
                }
                out.write(buf, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return new Written(temp, HexFormat.of().formatHex(sha.digest()), total, false);
    }

    /**
     * Copies a written file into the database under its hash (unless it is there already) and removes the temporary
     * file; returns the storage reference ("ab/cd/&lt;sha256&gt;", as the file store named it).
     */
    String keep(Written w) throws IOException {
        try {
            store(w.sha256(), w.size(), w.temp());
        } finally {
            Files.deleteIfExists(w.temp());
        }
        return ref(w.sha256());
    }

    /**
     * Stores {@code size} bytes read from {@code file} under {@code sha256}, in one transaction of its own; nothing if
     * that content is stored already (also when another node stores the same bytes at the same moment).
     */
    void store(String sha256, long size, Path file) throws IOException {
        if (exists(sha256)) {
            return;
        }
        try {
            ownTransaction.executeWithoutResult(s -> {
                int chunks = (int) ((size + CHUNK_SIZE - 1) / CHUNK_SIZE);
                jdbc.sql("INSERT INTO attachment_content (sha256, size_bytes, chunk_count, created_at) "
                                + "VALUES (?, ?, ?, ?)")
                        .params(sha256, size, chunks, Clocks.now()).update();
                try (InputStream in = Files.newInputStream(file)) {
                    for (int seq = 0; seq < chunks; seq++) {
                        byte[] chunk = in.readNBytes((int) Math.min(CHUNK_SIZE, size - (long) seq * CHUNK_SIZE));
                        jdbc.sql("INSERT INTO attachment_chunk (sha256, seq, data) VALUES (?, ?, ?)")
                                .params(sha256, seq, chunk).update();
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (DuplicateKeyException sameContentRace) {
            // another intake (on this node or another) stored the same bytes and committed first
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    boolean exists(String sha256) {
        return jdbc.sql("SELECT COUNT(*) FROM attachment_content WHERE sha256 = ?").param(sha256)
                .query(Integer.class).single() > 0;
    }

    void discard(Written w) throws IOException {
        if (w.temp() != null) {
            Files.deleteIfExists(w.temp());
        }
    }

    /** The stored bytes under {@code sha256}, read one chunk per query; empty if the store does not have them. */
    Optional<InputStream> open(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a content address: " + sha256);
        }
        return jdbc.sql("SELECT chunk_count FROM attachment_content WHERE sha256 = ?").param(sha256)
                .query(Integer.class).optional().map(chunks -> new ChunkStream(sha256, chunks));
    }

    /** Reads chunk after chunk, each with its own short query: no connection or transaction held between reads. */
    private final class ChunkStream extends InputStream {
        private final String sha256;
        private final int chunks;
        private int next;
        private byte[] current = new byte[0];
        private int pos;

        ChunkStream(String sha256, int chunks) {
            this.sha256 = sha256;
            this.chunks = chunks;
        }

        private boolean fill() {
            while (pos >= current.length) {
                if (next >= chunks) {
                    return false;
                }
                current = jdbc.sql("SELECT data FROM attachment_chunk WHERE sha256 = ? AND seq = ?")
                        .params(sha256, next++).query(byte[].class).single();
                pos = 0;
            }
            return true;
        }

        @Override
        public int read() {
            return fill() ? current[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isSha256(String s) {
        return s != null && SHA256.matcher(s).matches();
    }

    static String ref(String sha256) {
        return sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
    }

    /** The file behind a storage reference of the old file store under {@code root}; null if it is not one. */
    static Path legacyPath(Path root, String storageRef) {
        String[] parts = storageRef == null ? new String[0] : storageRef.split("/");
        if (parts.length != 3 || !SHA256.matcher(parts[2]).matches() || !parts[0].equals(parts[2].substring(0, 2))
                || !parts[1].equals(parts[2].substring(2, 4))) {
            return null;
        }
        Path p = root.resolve(parts[0]).resolve(parts[1]).resolve(parts[2]).normalize();
        return p.startsWith(root) ? p : null;
    }
}
