package mn.sanal.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Content-addressed file store: a file lives at {@code <dir>/<ab>/<cd>/<sha256>}, named by nothing but its own hash.
 * Writing the same bytes twice stores them once; no input chooses a path. Files are written before the petition
 * commits: an orphan left by a failed intake is harmless and deduplicated by its hash on the next try.
 */
@Component
class AttachmentStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    AttachmentStore(AttachmentProperties properties) throws IOException {
        this.root = properties.dir().toAbsolutePath().normalize();
        Files.createDirectories(root.resolve("tmp"));
    }

    /** A file being written: its hash and size, or {@code tooLarge} when it passed the limit (then nothing kept). */
    record Written(Path temp, String sha256, long size, boolean tooLarge) {
    }

    /** Streams {@code in} to a temporary file in the store, hashing it; stops at {@code limit} bytes. */
    Written write(InputStream in, long limit) throws IOException {
        Path temp = root.resolve("tmp").resolve(UUID.randomUUID() + ".part");
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return new Written(temp, HexFormat.of().formatHex(sha.digest()), total, false);
    }

    /** Moves a written file to its content address; returns the storage reference ("ab/cd/<sha256>"). */
    String keep(Written w) throws IOException {
        String ref = ref(w.sha256());
        Path target = resolve(ref);
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            Files.deleteIfExists(w.temp());
            return ref;
        }
        try {
            Files.move(w.temp(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(w.temp(), target);
        } catch (FileAlreadyExistsException sameContentRace) {
            Files.deleteIfExists(w.temp());
        }
        return ref;
    }

    void discard(Written w) throws IOException {
        if (w.temp() != null) {
            Files.deleteIfExists(w.temp());
        }
    }

    /** The file behind a storage reference; refuses anything that is not one of ours. */
    Path resolve(String storageRef) {
        String[] parts = storageRef == null ? new String[0] : storageRef.split("/");
        if (parts.length != 3 || !SHA256.matcher(parts[2]).matches() || !parts[0].equals(parts[2].substring(0, 2))
                || !parts[1].equals(parts[2].substring(2, 4))) {
            throw new IllegalArgumentException("Not a storage reference: " + storageRef);
        }
        Path p = root.resolve(parts[0]).resolve(parts[1]).resolve(parts[2]).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("Outside the store: " + storageRef);
        }
        return p;
    }

    Path root() {
        return root;
    }

    private static String ref(String sha256) {
        return sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
    }
}
