package mn.sanal.channels.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Development only: an embedded GreenMail (IMAP + SMTP) with the configured mailbox user, so that
 * {@code ./mvnw spring-boot:run} receives and answers mail without a real server. Send a mail to the mailbox
 * (e.g. {@code sanal@localhost}) through SMTP on the configured port; read the answers in the citizen's mailbox.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sanal.mail.simulator.enabled", havingValue = "true")
class MailSimulator {

    private static final Logger log = LoggerFactory.getLogger(MailSimulator.class);

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail greenMail(MailProperties properties) {
        MailProperties.Imap imap = properties.imap();
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(imap.port(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
                new ServerSetup(properties.smtp().port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP)});
        greenMail.setUser(imap.username(), imap.username(), imap.password());
        log.info("Mail simulator: IMAP 127.0.0.1:{} and SMTP 127.0.0.1:{}, mailbox {}", imap.port(),
                properties.smtp().port(), imap.username());
        return greenMail;
    }
}
