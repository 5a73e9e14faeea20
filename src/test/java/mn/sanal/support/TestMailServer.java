package mn.sanal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Properties;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

/**
 * A real IMAP + SMTP server (GreenMail) in the test JVM on free ports, holding the app's mailbox: what a citizen's
 * mail client, a fax gateway or a PBX delivers, and what the app sends out. Start one per test class (static) and
 * {@link #register} its ports before the Spring context is built.
 */
public final class TestMailServer implements AutoCloseable {

    public static final String MAILBOX = "sanal@localhost";
    public static final String PASSWORD = "secret";
    public static final Session SESSION = Session.getInstance(new Properties());

    private final GreenMail greenMail;
    private final int imapPort;
    private final int smtpPort;

    private TestMailServer() {
        this.imapPort = freePort();
        this.smtpPort = freePort();
        this.greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.setUser(MAILBOX, MAILBOX, PASSWORD);
        greenMail.start();
    }

    public static TestMailServer start() {
        return new TestMailServer();
    }

    /** Points the app's mail channel at this server and switches it on (no embedded simulator). */
    public void register(DynamicPropertyRegistry r) {
        r.add("sanal.mail.enabled", () -> "true");
        r.add("sanal.mail.simulator.enabled", () -> "false");
        r.add("sanal.mail.imap.host", () -> "127.0.0.1");
        r.add("sanal.mail.imap.port", () -> imapPort);
        r.add("sanal.mail.imap.username", () -> MAILBOX);
        r.add("sanal.mail.imap.password", () -> PASSWORD);
        r.add("sanal.mail.imap.poll-interval", () -> "PT0.3S");
        r.add("sanal.mail.smtp.host", () -> "127.0.0.1");
        r.add("sanal.mail.smtp.port", () -> smtpPort);
        r.add("sanal.mail.smtp.from", () -> MAILBOX);
        // no SMPP simulator on its fixed port (2775) next to other builds; SMS rows simply wait in the outbox
        r.add("sanal.sms.enabled", () -> "false");
        r.add("sanal.sms.simulator.enabled", () -> "false");
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    /** Puts a mail into the app's inbox, as SMTP delivery would. */
    public void deliver(MimeMessage m) {
        greenMail.getUserManager().getUser(MAILBOX).deliver(m);
    }

    /** Mails the app sent to this address (through SMTP). */
    public MimeMessage[] sentTo(String address) {
        return java.util.Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                for (var a : m.getRecipients(Message.RecipientType.TO)) {
                    if (a.toString().equalsIgnoreCase(address)) {
                        return true;
                    }
                }
                return false;
            } catch (MessagingException e) {
                return false;
            }
        }).toArray(MimeMessage[]::new);
    }

    /** How many mails a folder of the app's mailbox holds, seen over IMAP. */
    public int count(String folder) throws MessagingException {
        Store store = SESSION.getStore("imap");
        store.connect("127.0.0.1", imapPort, MAILBOX, PASSWORD);
        try {
            Folder f = store.getFolder(folder);
            return f.exists() ? f.getMessageCount() : 0;
        } finally {
            store.close();
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
