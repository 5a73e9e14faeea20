package mn.sanal.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import mn.sanal.attachments.Attachment;
import mn.sanal.attachments.AttachmentService;
import mn.sanal.petitions.Channel;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionHandlingProcess.Elements;
import mn.sanal.petitions.PetitionService;
import mn.sanal.support.IntegrationTest;
import mn.sanal.support.TestMailServer;

/**
 * Faxes (a PDF through the fax-to-email gateway, a TIFF dropped in the spool directory) and voicemails (Asterisk's
 * spool, written in pieces as the PBX does) become petitions with the scan or recording attached, waiting for an
 * official to describe them.
 */
class FaxAndVoicemailIT extends IntegrationTest {

    static final TestMailServer mail = TestMailServer.start();
    static final Path ROOT = Path.of("target", "it-spool-" + UUID.randomUUID()).toAbsolutePath();
    static final Path FAX_SPOOL = ROOT.resolve("fax");
    static final Path VOICEMAIL_SPOOL = ROOT.resolve("voicemail");

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry r) {
        mail.register(r);
        r.add("sanal.fax.enabled", () -> "true");
        r.add("sanal.fax.spool-dir", FAX_SPOOL::toString);
        r.add("sanal.voicemail.enabled", () -> "true");
        r.add("sanal.voicemail.spool-dir", VOICEMAIL_SPOOL::toString);
        r.add("sanal.voicemail.min-age", () -> "PT1S");
        r.add("sanal.voicemail.poll-interval", () -> "PT0.3S");
    }

    @AfterAll
    static void stopMail() {
        mail.close();
    }

    @Autowired JdbcClient jdbc;
    @Autowired PetitionService petitions;
    @Autowired AttachmentService attachments;
    @Autowired TaskService tasks;

    @Test
    void pdfFaxFromTheGatewayBecomesAPetitionWaitingToBeDescribed() throws Exception {
        MimeMessage m = new MimeMessage(TestMailServer.SESSION);
        m.setFrom(new InternetAddress("gateway@fax.example"));
        m.setRecipients(Message.RecipientType.TO, TestMailServer.MAILBOX);
        m.setSubject("Fax from 70115566");
        m.setHeader("X-Fax-Sender", "+976 7011 5566");
        MimeBodyPart scan = new MimeBodyPart();
        scan.setContent(pdf(), "application/pdf");
        scan.setFileName("fax-0001.pdf");
        MimeMultipart mp = new MimeMultipart();
        mp.addBodyPart(scan);
        m.setContent(mp);
        m.saveChanges();
        m.setHeader("Message-ID", "<fax-1@fax.example>");
        mail.deliver(m);

        Petition p = eventually().until(() -> byChannel(Channel.FAX, "fax-1@fax.example"), l -> l.size() == 1).get(0);
        assertThat(p.contactFax()).isEqualTo("97670115566");
        assertThat(attachments.forPetition(p.id())).singleElement()
                .satisfies(a -> assertThat(a.mediaType()).isEqualTo("application/pdf"));
        // an official reads the scan and writes what it says
        eventually().until(() -> describeTaskOf(p), found -> found);
    }

    @Test
    void tiffFaxInTheSpoolDirectoryBecomesAPetitionAndTheFileMovesToDone() throws Exception {
        Files.createDirectories(FAX_SPOOL);
        Path tmp = FAX_SPOOL.resolve(".incoming.tmp");
        Files.write(tmp, tiff());
        Path file = FAX_SPOOL.resolve("fax-99115577.tif");
        Files.move(tmp, file);

        Petition p = eventually().until(() -> jdbc.sql("SELECT id FROM petition WHERE channel = 'FAX' AND "
                + "contact_fax = '97699115577'").query(Long.class).list(), l -> l.size() == 1)
                .stream().map(petitions::get).findFirst().orElseThrow();
        assertThat(attachments.forPetition(p.id())).singleElement()
                .satisfies(a -> assertThat(a.mediaType()).isEqualTo("image/tiff"));
        // a mobile number: answers will go by SMS
        assertThat(p.contactPhone()).isEqualTo("97699115577");
        eventually().until(() -> Files.exists(FAX_SPOOL.resolve(".done").resolve("fax-99115577.tif")));
        assertThat(file).doesNotExist();
        eventually().until(() -> describeTaskOf(p), found -> found);
    }

    @Test
    void voicemailIsTakenOnlyWhenComplete_once_andTheSpoolIsLeftAlone() throws Exception {
        Path inbox = Files.createDirectories(VOICEMAIL_SPOOL.resolve("default").resolve("1234").resolve("INBOX"));
        Path wav = inbox.resolve("msg0000.wav");
        Path txt = inbox.resolve("msg0000.txt");
        byte[] recording = wav();
        long origtime = Instant.now().getEpochSecond();
        String meta = ";\n; Message Information file\n;\n[message]\norigmailbox=1234\ncontext=default\n"
                + "callerid=\"Batbold\" <99117788>\norigtime=" + origtime + "\nduration=12\n";

        // the PBX is still writing: half the recording, half the metadata (no origtime/duration yet)
        Files.write(wav, java.util.Arrays.copyOf(recording, recording.length / 2));
        Files.writeString(txt, meta.substring(0, meta.indexOf("origtime")), StandardCharsets.ISO_8859_1);
        age(wav, txt);
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> voicemails().isEmpty());

        // completed; taken once both files have been quiet for min-age
        Files.write(wav, recording);
        Files.writeString(txt, meta, StandardCharsets.ISO_8859_1);
        Petition p = eventually().until(this::voicemails, l -> l.size() == 1).get(0);
        assertThat(p.contactPhone()).isEqualTo("97699117788");
        List<Attachment> files = attachments.forPetition(p.id());
        assertThat(files).singleElement().satisfies(a -> {
            assertThat(a.mediaType()).isEqualTo("audio/vnd.wave");
            assertThat(a.sizeBytes()).isEqualTo(recording.length);
        });
        eventually().until(() -> describeTaskOf(p), found -> found);

        // never twice, never deleted: Asterisk owns the spool
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> voicemails().size() == 1);
        assertThat(wav).exists();
        assertThat(txt).exists();
    }

    private List<Petition> voicemails() {
        return jdbc.sql("SELECT id FROM petition WHERE channel = 'VOICEMAIL'").query(Long.class).list().stream()
                .map(petitions::get).toList();
    }

    private List<Petition> byChannel(Channel channel, String messageId) {
        return jdbc.sql("SELECT id FROM petition WHERE channel = ? AND channel_message_id = ?")
                .params(channel.name(), messageId).query(Long.class).list().stream().map(petitions::get).toList();
    }

    private boolean describeTaskOf(Petition p) {
        return tasks.createTaskQuery().processInstanceBusinessKey(p.trackingCode())
                .taskDefinitionKey(Elements.DESCRIBE).count() == 1;
    }

    private static void age(Path... files) throws Exception {
        FileTime old = FileTime.from(Instant.now().minusSeconds(60));
        for (Path f : files) {
            Files.setLastModifiedTime(f, old);
        }
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A little-endian TIFF header with an empty directory. */
    static byte[] tiff() {
        byte[] b = new byte[64];
        b[0] = 'I'; b[1] = 'I'; b[2] = 42; b[3] = 0; b[4] = 8;
        b[63] = 1;
        return b;
    }

    /** A RIFF/WAVE header and some silence. */
    static byte[] wav() {
        byte[] b = new byte[4096];
        byte[] h = "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(h, 0, b, 0, h.length);
        b[16] = 16; b[20] = 1; b[22] = 1; b[24] = 0x40; b[25] = 0x1F; b[34] = 16;
        byte[] d = "data".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(d, 0, b, 36, 4);
        return b;
    }
}
