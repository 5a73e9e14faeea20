package mn.sanal.channels.mail;

import java.util.Date;
import java.util.Properties;

import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Builds and sends one plain-text UTF-8 mail through the mail-outbound route, with our own Message-ID
 * ({@code sanal.<CODE>.<outbox id>@<domain>}: a citizen's reply that quotes it finds its petition) and threading
 * headers. Fax answers go the same way, to the fax gateway's address.
 */
@Component
public class MailSender {

    private final ProducerTemplate producer;
    private final MailProperties properties;
    private final Session session = Session.getInstance(new Properties());

    MailSender(ProducerTemplate producer, MailProperties properties) {
        this.producer = producer;
        this.properties = properties;
    }

    /** Sends and returns the Message-ID (without angle brackets). */
    public String send(String to, String subject, String body, String trackingCode, long outboxId,
                       String inReplyTo) throws MessagingException {
        String from = properties.smtp().from();
        String domain = from.contains("@") ? from.substring(from.indexOf('@') + 1) : "sanal.mn";
        String messageId = "sanal." + (trackingCode == null ? "0000-0000" : trackingCode) + "." + outboxId + "@" + domain;
        MimeMessage m = new FixedIdMessage(session, "<" + messageId + ">");
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        m.setSubject(subject, "UTF-8");
        m.setText(body, "UTF-8");
        m.setSentDate(new Date());
        if (inReplyTo != null && !inReplyTo.isBlank()) {
            m.setHeader("In-Reply-To", "<" + inReplyTo + ">");
            m.setHeader("References", "<" + inReplyTo + ">");
        }
        m.saveChanges();
        producer.sendBody(MailRoutes.OUTBOUND, m);
        return messageId;
    }

    /** A message whose Message-ID survives saveChanges(). */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
