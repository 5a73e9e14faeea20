package mn.sanal.channels.mail;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Development only (with the embedded GreenMail, never in prod; admin login, see platform.RestSecurityConfig):
 * {@code GET /dev/mail/sent} lists the mails the app sent to citizens, as {@code /dev/sms/sent} does for SMS.
 */
@RestController
@Profile("!prod")
@ConditionalOnProperty(name = "sanal.mail.simulator.enabled", havingValue = "true")
@RequestMapping(path = "/dev/mail", produces = MediaType.APPLICATION_JSON_VALUE)
class DevMailController {

    /** One mail as the citizen's mail client shows it. */
    record SentMail(String to, String subject, String text) {
    }

    private final GreenMail greenMail;
    private final MailProperties properties;

    DevMailController(GreenMail greenMail, MailProperties properties) {
        this.greenMail = greenMail;
        this.properties = properties;
    }

    @GetMapping("/sent")
    List<SentMail> sent() throws Exception {
        List<SentMail> out = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (isFromTheApp(m)) {
                Object content = m.getContent();
                out.add(new SentMail(String.join(", ", recipients(m)), m.getSubject(),
                        content instanceof String text ? text : ""));
            }
        }
        return out;
    }

    private boolean isFromTheApp(MimeMessage m) throws MessagingException {
        return m.getFrom() != null && m.getFrom().length > 0
                && m.getFrom()[0].toString().equalsIgnoreCase(properties.smtp().from());
    }

    private static List<String> recipients(MimeMessage m) throws MessagingException {
        var to = m.getRecipients(Message.RecipientType.TO);
        return to == null ? List.of() : java.util.Arrays.stream(to).map(Object::toString).toList();
    }
}
