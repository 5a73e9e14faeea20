package mn.sanal.channels.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import mn.sanal.attachments.AttachmentService;
import mn.sanal.outbox.NewOutboxMessage;
import mn.sanal.outbox.OutboxService;
import mn.sanal.petitions.Channel;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionService;

/**
 * The mail channel against a real IMAP and SMTP server (GreenMail) in the test JVM: mails become petitions once,
 * with their photos; a broken mail goes to quarantine without blocking the others; answers go out threaded.
 */
@SpringBootTest(properties = {
        "sanal.mail.enabled=true", "sanal.mail.simulator.enabled=false",
        "sanal.mail.imap.port=3943", "sanal.mail.smtp.port=3925", "sanal.mail.imap.poll-interval=PT0.5S",
        "sanal.mail.imap.username=sanal@localhost", "sanal.mail.imap.password=secret",
        "sanal.mail.imap.processed-folder=Processed", "sanal.mail.smtp.from=sanal@localhost",
        "sanal.attachments.dir=target/it-attachments"})
@ActiveProfiles("test")
class MailChannelIT {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup[] {
            new ServerSetup(3925, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(3943, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("sanal@localhost", "sanal@localhost", "secret"))
            .withPerMethodLifecycle(false);

    @Autowired JdbcClient jdbc;
    @Autowired PetitionService petitions;
    @Autowired AttachmentService attachments;
    @Autowired OutboxService outbox;
    @Autowired MailOutboxSender sender;
    @Autowired org.springframework.transaction.support.TransactionTemplate tx;

    private static final Session SESSION = Session.getInstance(new Properties());

    @Test
    void cyrillicMailWithPhotoBecomesOnePetitionEvenWhenDeliveredTwice_andTheAnswerIsThreaded() throws Exception {
        MimeMessage m = new MimeMessage(SESSION);
        m.setFrom(new InternetAddress("bat@example.mn", "Бат"));
        m.setRecipients(Message.RecipientType.TO, "sanal@localhost");
        m.setSubject("Гомдол: гудамжны гэрэл асахгүй байна", "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Сүмбэр сумын 3-р багт гэрэл асахгүй 2 долоо хоног болж байна.", "UTF-8");
        MimeBodyPart photo = new MimeBodyPart();
        photo.setContent(jpeg(), "image/jpeg");
        photo.setFileName("../../etc/зураг.jpg");
        MimeMultipart mp = new MimeMultipart();
        mp.addBodyPart(text);
        mp.addBodyPart(photo);
        m.setContent(mp);
        m.setHeader("Message-ID", "<citizen-1@example.mn>");
        m.saveChanges();
        m.setHeader("Message-ID", "<citizen-1@example.mn>");
        GreenMailUser user = mail.getUserManager().getUser("sanal@localhost");
        user.deliver(m);

        Petition p = await().atMost(Duration.ofSeconds(20)).until(() -> byMessageId("citizen-1@example.mn"),
                list -> list.size() == 1).get(0);
        assertThat(p.channel()).isEqualTo(Channel.EMAIL);
        assertThat(p.contactEmail()).isEqualTo("bat@example.mn");
        assertThat(p.text()).startsWith("Гомдол: гудамжны гэрэл асахгүй байна").contains("3-р багт");
        assertThat(p.type().name()).isEqualTo("COMPLAINT");
        assertThat(attachments.forPetition(p.id())).singleElement().satisfies(a -> {
            assertThat(a.mediaType()).isEqualTo("image/jpeg");
            assertThat(a.fileName()).isEqualTo("зураг.jpg");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> count("Processed") == 1);

        // a crash between commit and flag: the same mail is in the inbox again, unseen
        MimeMessage again = new MimeMessage(m);
        again.setFlags(new jakarta.mail.Flags(jakarta.mail.Flags.Flag.SEEN), false);
        user.deliver(again);
        await().atMost(Duration.ofSeconds(10)).until(() -> count("Processed") == 2);
        assertThat(byMessageId("citizen-1@example.mn")).hasSize(1);

        // the answer goes out by SMTP, tracking code in the subject, threaded to the citizen's mail
        long id = tx.execute(s -> {
            outbox.enqueue(new NewOutboxMessage("it:answer:" + p.id(), p.id(), "ANSWER", "EMAIL", p.contactEmail(),
                    "Санал " + p.trackingCode(), "Таны гомдлын хариу: гэрлийг засна."));
            return outbox.forPetition(p.id()).stream().filter(o -> o.kind().equals("ANSWER")).findFirst()
                    .orElseThrow().id();
        });
        String sentId = sender.send(outbox.find(id).orElseThrow());
        await().atMost(Duration.ofSeconds(10)).until(() -> mail.getReceivedMessagesForDomain("example.mn").length >= 1);
        MimeMessage answer = List.of(mail.getReceivedMessagesForDomain("example.mn")).stream()
                .filter(x -> header(x, "In-Reply-To") != null).findFirst().orElseThrow();
        assertThat(answer.getSubject()).contains(p.trackingCode());
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo("<citizen-1@example.mn>");
        assertThat(answer.getMessageID()).isEqualTo("<" + sentId + ">");
        assertThat(((String) answer.getContent())).contains("гэрлийг засна");
    }

    @Test
    void htmlOnlyMailIsCleanText_andABrokenMailGoesToQuarantineWithoutBlockingTheNext() throws Exception {
        GreenMailUser user = mail.getUserManager().getUser("sanal@localhost");
        String broken = "From: x@example.mn\r\nTo: sanal@localhost\r\nMessage-ID: <broken-1@example.mn>\r\n"
                + "Subject: =?UTF-8?B?0KHQsNC90LDQuw==?=\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b1\r\n\r\n--b1\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: x-bogus\r\n\r\n%%%\r\n--b1--\r\n";
        user.deliver(new MimeMessage(SESSION, new java.io.ByteArrayInputStream(broken.getBytes(StandardCharsets.US_ASCII))));
        MimeMessage html = new MimeMessage(SESSION);
        html.setFrom(new InternetAddress("dorj@example.mn"));
        html.setRecipients(Message.RecipientType.TO, "sanal@localhost");
        html.setSubject("Санал", "UTF-8");
        html.setContent("<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>"
                + "<p>Цэцэрлэгт <b>тоглоомын</b> талбай&nbsp;хэрэгтэй.</p><div>Баярлалаа</div></body></html>",
                "text/html; charset=windows-1251");
        html.setHeader("Message-ID", "<html-1@example.mn>");
        html.saveChanges();
        html.setHeader("Message-ID", "<html-1@example.mn>");
        user.deliver(html);

        Petition p = await().atMost(Duration.ofSeconds(20)).until(() -> byMessageId("html-1@example.mn"),
                list -> list.size() == 1).get(0);
        assertThat(p.text()).isEqualTo("Санал\n\nЦэцэрлэгт тоглоомын талбай хэрэгтэй.\nБаярлалаа");
        await().atMost(Duration.ofSeconds(10)).until(() -> count("Quarantine") == 1);
        assertThat(byMessageId("broken-1@example.mn")).isEmpty();
    }

    private List<Petition> byMessageId(String id) {
        return jdbc.sql("SELECT id FROM petition WHERE channel_message_id = ?").param(id).query(Long.class).list()
                .stream().map(petitions::get).toList();
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, null);
        } catch (Exception e) {
            return null;
        }
    }

    private static int count(String folder) throws Exception {
        Store store = SESSION.getStore("imap");
        store.connect("127.0.0.1", 3943, "sanal@localhost", "secret");
        try {
            Folder f = store.getFolder(folder);
            return f.exists() ? f.getMessageCount() : 0;
        } finally {
            store.close();
        }
    }

    /** The smallest JPEG header Tika recognises. */
    static byte[] jpeg() {
        byte[] b = new byte[64];
        b[0] = (byte) 0xFF; b[1] = (byte) 0xD8; b[2] = (byte) 0xFF; b[3] = (byte) 0xE0;
        b[4] = 0; b[5] = 16; b[6] = 'J'; b[7] = 'F'; b[8] = 'I'; b[9] = 'F'; b[10] = 0;
        return b;
    }
}
