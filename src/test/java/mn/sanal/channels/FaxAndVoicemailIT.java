package mn.sanal.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
import mn.sanal.outbox.OutboxMessage;
import mn.sanal.outbox.OutboxService;
import mn.sanal.petitions.Channel;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionHandlingProcess.Elements;
import mn.sanal.petitions.PetitionHandlingProcess.Values;
import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.petitions.PetitionService;
import mn.sanal.petitions.PetitionStatus;
import mn.sanal.support.Http;
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
    @Autowired FormService forms;
    @Autowired OutboxService outbox;

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

    @Test
    void faxWithoutMobileIsAnsweredByFaxThroughTheGateway_inMongolian_withTheTrackingCode() throws Exception {
        mail.deliver(gatewayFax("fax-answer-1@fax.example", "+976 7011 9988"));
        Petition p = eventually().until(() -> byChannel(Channel.FAX, "fax-answer-1@fax.example"),
                l -> l.size() == 1).get(0);
        assertThat(p.contactPhone()).isNull();
        assertThat(p.contactFax()).isEqualTo("97670119988");

        describeAndAnswer(p, "Сүмбэр сумын эмнэлэгт эмч ирэхгүй байна.",
                "Эмчийг ирэх долоо хоногоос томилно.");

        // the gateway address from sanal.fax.address-pattern ({number}@fax.example): the gateway faxes it
        String gateway = "97670119988@fax.example";
        MimeMessage answer = eventually().until(() -> Arrays.stream(mail.sentTo(gateway))
                .filter(x -> body(x).contains("Эмчийг ирэх долоо хоногоос томилно")).toList(), l -> l.size() == 1)
                .get(0);
        assertThat(answer.getSubject()).isEqualTo("Санал " + p.trackingCode());
        assertThat(body(answer)).contains("Өргөдөл " + p.trackingCode() + ", хариу: ")
                .contains("Үнэлнэ үү: 1-5");
        assertThat(answer.getContentType()).containsIgnoringCase("charset=UTF-8");
        // the acknowledgement went the same way, and nothing went by SMS or to the gateway's own address
        assertThat(mail.sentTo(gateway)).anySatisfy(x -> assertThat(body(x)).contains("хүлээн авлаа"));
        assertThat(outbox.forPetition(p.id())).isNotEmpty().allSatisfy(o -> {
            assertThat(o.channel()).isEqualTo("FAX");
            assertThat(o.recipient()).isEqualTo("97670119988");
        });
        assertThat(outbox.forPetition(p.id())).filteredOn(o -> o.kind().equals("ANSWERED")).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo("SENT"));
    }

    @Test
    void faxFromAMobileNumberIsAnsweredBySms_notByFax() throws Exception {
        mail.deliver(gatewayFax("fax-answer-2@fax.example", "88112233"));
        Petition p = eventually().until(() -> byChannel(Channel.FAX, "fax-answer-2@fax.example"),
                l -> l.size() == 1).get(0);
        assertThat(p.contactPhone()).isEqualTo("97688112233");

        describeAndAnswer(p, "Замын гэрэл асахгүй байна.", "Гэрлийг засварлалаа.");

        OutboxMessage answer = eventually().until(() -> outbox.forPetition(p.id()).stream()
                .filter(o -> o.kind().equals("ANSWERED")).toList(), l -> l.size() == 1).get(0);
        assertThat(answer.channel()).isEqualTo("SMS");
        assertThat(answer.recipient()).isEqualTo("97688112233");
        assertThat(answer.body()).contains(p.trackingCode(), "Гэрлийг засварлалаа.");
        assertThat(outbox.forPetition(p.id())).extracting(OutboxMessage::channel).containsOnly("SMS");
        assertThat(mail.sentTo("97688112233@fax.example")).isEmpty();
    }

    @Test
    void voicemailMailFromThePbxIsOnePetitionWithItsRecording_waitingToBeListenedTo() throws Exception {
        int processed = mail.count("Processed");
        byte[] recording = wav();
        MimeMessage vm = new MimeMessage(TestMailServer.SESSION);
        vm.setFrom(new InternetAddress("asterisk@pbx.sanal.mn", "Asterisk PBX"));
        vm.setRecipients(Message.RecipientType.TO, TestMailServer.MAILBOX);
        // Asterisk's default voicemail-to-email template
        vm.setSubject("[PBX]: New message 3 in mailbox 1234");
        vm.setHeader("X-Asterisk-CallerID", "99114455");
        vm.setHeader("X-Asterisk-CallerIDName", "Saraa");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Dear Sanal:\n\n\tjust wanted to let you know you were just left a 0:21 long message "
                + "(number 3)\nin mailbox 1234 from \"Saraa\" <99114455>, on Monday, March 02, 2026 at 11:47:09 PM"
                + ", so you might\nwant to check it when you get a chance.  Thanks!\n\n\t\t\t\t--Asterisk\n", "UTF-8");
        MimeBodyPart wav = new MimeBodyPart();
        wav.setContent(recording, "audio/x-wav");
        wav.setFileName("msg0003.wav");
        MimeMultipart mp = new MimeMultipart();
        mp.addBodyPart(text);
        mp.addBodyPart(wav);
        vm.setContent(mp);
        vm.saveChanges();
        vm.setHeader("Message-ID", "<vm-mail-1@pbx.sanal.mn>");
        mail.deliver(vm);

        Petition p = eventually().until(() -> byChannel(Channel.VOICEMAIL, "vm-mail-1@pbx.sanal.mn"),
                l -> l.size() == 1).get(0);
        assertThat(p.contactPhone()).isEqualTo("97699114455");
        assertThat(p.citizenName()).as("from X-Asterisk-CallerIDName").isEqualTo("Saraa");
        Attachment a = eventually().until(() -> attachments.forPetition(p.id()), l -> l.size() == 1).get(0);
        assertThat(a.mediaType()).startsWith("audio/");
        assertThat(a.sizeBytes()).isEqualTo(recording.length);
        assertThat(jdbc.sql("SELECT count(*) FROM petition_attachment WHERE petition_id = ?").param(p.id())
                .query(Long.class).single()).isEqualTo(1);
        eventually().until(() -> describeTaskOf(p), found -> found);
        // the clerk who listens opens the recording from the form
        Http.Response played = as("clerk").get("/attachments/{id}", a.id());
        assertThat(played.status()).as("%s", played).isEqualTo(200);
        assertThat(played.headers().getContentType().toString()).startsWith("audio/");
        assertThat(played.headers().getContentLength()).isEqualTo(recording.length);

        // the same mail again (a redelivery after a crash): still one petition, one recording
        MimeMessage again = new MimeMessage(vm);
        again.saveChanges();
        again.setHeader("Message-ID", "<vm-mail-1@pbx.sanal.mn>");
        mail.deliver(again);
        eventually().until(() -> mail.count("Processed") == processed + 2);
        assertThat(byChannel(Channel.VOICEMAIL, "vm-mail-1@pbx.sanal.mn")).hasSize(1);
        assertThat(attachments.forPetition(p.id())).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM petition WHERE contact_phone = '97699114455'")
                .query(Long.class).single()).isEqualTo(1);
    }

    /** A mail from the fax-to-email gateway: a PDF scan, the sender's number in X-Fax-Sender. */
    private static MimeMessage gatewayFax(String messageId, String number) throws Exception {
        MimeMessage m = new MimeMessage(TestMailServer.SESSION);
        m.setFrom(new InternetAddress("gateway@fax.example"));
        m.setRecipients(Message.RecipientType.TO, TestMailServer.MAILBOX);
        m.setSubject("Fax received");
        m.setHeader("X-Fax-Sender", number);
        MimeBodyPart scan = new MimeBodyPart();
        scan.setContent(pdf(), "application/pdf");
        scan.setFileName("fax.pdf");
        MimeMultipart mp = new MimeMultipart();
        mp.addBodyPart(scan);
        m.setContent(mp);
        m.saveChanges();
        m.setHeader("Message-ID", "<" + messageId + ">");
        return m;
    }

    /**
     * The clerk reads the scan and describes it (as the Camunda Form submits: the task's own variables), the
     * petition goes to Sümber's health centre, whose official answers.
     */
    private void describeAndAnswer(Petition p, String text, String answer) {
        Task describe = eventually().until(() -> task(p, Elements.DESCRIBE), t -> t != null);
        tasks.claim(describe.getId(), "clerk");
        forms.submitTaskForm(describe.getId(), Map.of(Vars.PETITION_TEXT, text, Vars.PETITION_TYPE, "COMPLAINT",
                Vars.CATEGORY, "HEALTH", Vars.AIMAG, "", Vars.SOUM, "govisumber.sumber"));
        Task resolve = eventually().until(() -> task(p, Elements.RESOLVE), t -> t != null);
        tasks.claim(resolve.getId(), "sumber.health");
        tasks.complete(resolve.getId(), Map.of(Vars.RESOLVE_ACTION, Values.ACTION_ANSWER, Vars.ANSWER_TEXT, answer,
                Vars.OUTCOME, "RESOLVED"));
        eventually().until(() -> petitions.get(p.id()).status() == PetitionStatus.ANSWERED);
    }

    private Task task(Petition p, String key) {
        return tasks.createTaskQuery().processInstanceBusinessKey(p.trackingCode()).taskDefinitionKey(key)
                .singleResult();
    }

    private static String body(MimeMessage m) {
        try {
            Object c = m.getContent();
            return c instanceof String s ? s : String.valueOf(c);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Voicemails taken from the spool (the voicemail-to-email test adds its own, keyed by Message-ID). */
    private List<Petition> voicemails() {
        return jdbc.sql("SELECT id FROM petition WHERE channel = 'VOICEMAIL' AND channel_message_id LIKE 'spool:%'")
                .query(Long.class).list().stream().map(petitions::get).toList();
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
