package mn.sanal.channels.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The citizens' mailbox (IMAP in, SMTP out). Every value comes from the environment in production
 * (SANAL_MAIL_IMAP_HOST, SANAL_MAIL_IMAP_PASSWORD, ...). With {@code simulator.enabled} an embedded GreenMail serves
 * both protocols on the configured ports (default profile only).
 */
@ConfigurationProperties("sanal.mail")
public record MailProperties(boolean enabled, Imap imap, Smtp smtp, Simulator simulator) {

    public MailProperties {
        imap = imap == null ? new Imap(null, 0, null, null, null, null, null, null, null) : imap;
        smtp = smtp == null ? new Smtp(null, 0, null, null, null, null) : smtp;
        simulator = simulator == null ? new Simulator(false) : simulator;
    }

    /**
     * @param protocol        imap or imaps (TLS; use it in production)
     * @param processedFolder where a mail goes after its petition committed (blank: only marked seen)
     * @param quarantineFolder where a mail that cannot be parsed goes
     */
    public record Imap(String host, int port, String username, String password, String folder, String protocol,
                       String processedFolder, String quarantineFolder, Duration pollInterval) {
        public Imap {
            host = host == null ? "localhost" : host;
            port = port == 0 ? 3143 : port;
            folder = folder == null || folder.isBlank() ? "INBOX" : folder;
            protocol = protocol == null || protocol.isBlank() ? "imap" : protocol;
            quarantineFolder = quarantineFolder == null || quarantineFolder.isBlank() ? "Quarantine" : quarantineFolder;
            pollInterval = pollInterval == null ? Duration.ofSeconds(10) : pollInterval;
        }
    }

    /** @param protocol smtp or smtps (TLS) */
    public record Smtp(String host, int port, String username, String password, String from, String protocol) {
        public Smtp {
            host = host == null ? "localhost" : host;
            port = port == 0 ? 3025 : port;
            from = from == null || from.isBlank() ? "sanal@localhost" : from;
            protocol = protocol == null || protocol.isBlank() ? "smtp" : protocol;
        }
    }

    public record Simulator(boolean enabled) {
    }
}
