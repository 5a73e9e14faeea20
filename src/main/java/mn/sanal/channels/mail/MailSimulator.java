package mn.sanal.channels.mail;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Development only: an embedded GreenMail (IMAP + SMTP) with the configured mailbox user, so that
 * {@code ./mvnw spring-boot:run} receives and answers mail without a real server. It listens on the configured
 * hosts (loopback by default) and lets only the configured mailbox user log in: the mailboxes GreenMail makes for the
 * citizens the app writes to get a random password (by default GreenMail's password is the address itself, so anyone
 * could read a citizen's answers). What the app sent is listed at {@code /dev/mail/sent} ({@link DevMailController}).
 * Send a mail to the mailbox (e.g. {@code sanal@localhost}) through SMTP on the configured port.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sanal.mail.simulator.enabled", havingValue = "true")
class MailSimulator {

    private static final Logger log = LoggerFactory.getLogger(MailSimulator.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail greenMail(MailProperties properties) {
        MailProperties.Imap imap = properties.imap();
        MailProperties.Smtp smtp = properties.smtp();
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(imap.port(), imap.host(), ServerSetup.PROTOCOL_IMAP),
                new ServerSetup(smtp.port(), smtp.host(), ServerSetup.PROTOCOL_SMTP)});
        greenMail.setUser(imap.username(), imap.username(), imap.password());
        UserManager users = greenMail.getUserManager();
        users.setMessageDeliveryHandler((message, address) -> {
            GreenMailUser user = users.getUserByEmail(address.getEmail());
            return user != null ? user : users.createUser(address.getEmail(), address.getEmail(), randomPassword());
        });
        log.info("Mail simulator: IMAP {}:{} and SMTP {}:{}", imap.host(), imap.port(), smtp.host(), smtp.port());
        return greenMail;
    }

    private static String randomPassword() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
