package mn.sanal.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import mn.sanal.petitions.TrackingCodes;
import mn.sanal.support.IntegrationTest;

/**
 * The evidence store in the database (issue 14): a file larger than many chunks goes in as a stream and comes back
 * byte for byte through {@code /attachments/{id}}; the same bytes are kept once; a file the old per-node store held
 * is moved into the database at startup, and a damaged one is not.
 */
class AttachmentStoreIT extends IntegrationTest {

    static final Path OLD_STORE = Path.of("target/attachment-store-it/old-store");

    @DynamicPropertySource
    static void oldStore(DynamicPropertyRegistry r) {
        r.add("sanal.attachments.dir", OLD_STORE::toString);
    }

    @Autowired
    AttachmentService attachments;

    @Autowired
    AttachmentFileImport fileImport;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aFileOfManyChunksGoesInAsAStreamAndComesBackWholeThroughTheWeb() throws Exception {
        byte[] video = new byte[(int) (AttachmentStore.CHUNK_SIZE * 9.5)];
        new Random(14).nextBytes(video);
        AttachmentService.Batch batch = attachments.newBatch();
        batch.add("бичлэг.mp4", new ByteArrayInputStream(video));
        batch.add("дахин.mp4", new ByteArrayInputStream(video));
        assertThat(batch.refused()).isEmpty();
        StoredFile stored = batch.accepted().get(0);
        assertThat(stored.sha256()).isEqualTo(sha256(video));
        assertThat(jdbc.sql("SELECT chunk_count FROM attachment_content WHERE sha256 = ?").param(stored.sha256())
                .query(Integer.class).single()).as("chunks").isEqualTo(10);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attachment_chunk WHERE sha256 = ?").param(stored.sha256())
                .query(Integer.class).single()).as("the same bytes twice are stored once").isEqualTo(10);

        long petition = petition();
        tx.executeWithoutResult(s -> attachments.attach(petition, batch.accepted()));
        long id = attachments.forPetition(petition).get(0).id();

        HttpResponse<byte[]> got = download(id, "demo:" + DEMO_PASSWORD);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.headers().firstValueAsLong("Content-Length")).hasValue(video.length);
        assertThat(got.body()).isEqualTo(video);
        assertThat(download(id, null).statusCode()).isEqualTo(401);
        assertThat(download(id, "sumber.land:" + DEMO_PASSWORD).statusCode()).isEqualTo(404);
    }

    @Test
    void theOldFileStoreMovesIntoTheDatabase_aDamagedFileDoesNot() throws Exception {
        byte[] photo = "зураг гэрэл асахгүй".repeat(5000).getBytes(StandardCharsets.UTF_8);
        byte[] damaged = "эвдэрсэн файл".repeat(100).getBytes(StandardCharsets.UTF_8);
        String goodSha = sha256(photo);
        String damagedSha = sha256(damaged);
        writeOld(goodSha, photo);
        writeOld(damagedSha, "something else".getBytes(StandardCharsets.UTF_8));
        long petition = petition();
        for (String sha : new String[] {goodSha, damagedSha}) {
            jdbc.sql("INSERT INTO petition_attachment (petition_id, file_name, media_type, size_bytes, sha256, "
                            + "storage_ref, created_at) VALUES (?, 'old.jpg', 'image/jpeg', ?, ?, ?, now())")
                    .params(petition, photo.length, sha, AttachmentStore.ref(sha)).update();
        }

        AttachmentFileImport.Result first = fileImport.importFiles();
        assertThat(first).isEqualTo(new AttachmentFileImport.Result(1, 0, 1));
        Attachment a = attachments.forPetition(petition).stream().filter(x -> x.sha256().equals(goodSha))
                .findFirst().orElseThrow();
        try (InputStream in = attachments.content(a)) {
            assertThat(in.readAllBytes()).isEqualTo(photo);
        }
        assertThat(fileImport.importFiles()).as("a second run (or a second node) imports nothing again")
                .isEqualTo(new AttachmentFileImport.Result(0, 0, 1));
    }

    private static void writeOld(String sha, byte[] bytes) throws Exception {
        Path p = OLD_STORE.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
    }

    private long petition() {
        return jdbc.sql("""
                INSERT INTO petition (tracking_code, type, channel, text, received_at, status, updated_at)
                VALUES (?, 'COMPLAINT', 'EMAIL', 'Хавсралттай өргөдөл', now(), 'RECEIVED', now())
                RETURNING id""").param(TrackingCodes.next()).query(Long.class).single();
    }

    private HttpResponse<byte[]> download(long id, String basic) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/attachments/" + id));
        if (basic != null) {
            r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
