package mn.sanal.channels.mail;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import mn.sanal.channels.LeasedRoutes;

/**
 * mail-inbound polls the IMAP folder for unseen mail (peek: nothing is marked seen before {@link MailInbox} says so);
 * mail-outbound sends the messages {@link MailSender} builds through SMTP. Of several nodes only one polls at a time:
 * the holder of the lease {@value #POLL_LEASE}.
 */
@Component
@ConditionalOnProperty(name = "sanal.mail.enabled", havingValue = "true", matchIfMissing = true)
class MailRoutes extends RouteBuilder {

    static final String OUTBOUND = "direct:mail-outbound";
    static final String POLL_LEASE = "mail-poll";

    private final MailProperties properties;
    private final MailInbox inbox;
    private final LeasedRoutes leased;

    MailRoutes(MailProperties properties, MailInbox inbox, LeasedRoutes leased) {
        this.properties = properties;
        this.inbox = inbox;
        this.leased = leased;
    }

    @Override
    public void configure() {
        MailProperties.Imap imap = properties.imap();
        from(imap.protocol() + "://" + imap.host() + ":" + imap.port()
                + "?username=RAW(" + imap.username() + ")&password=RAW(" + imap.password() + ")"
                + "&folderName=" + imap.folder() + "&unseen=true&peek=true&delete=false&mapMailMessage=false"
                + "&maxMessagesPerPoll=50&delay=" + imap.pollInterval().toMillis()
                + "&initialDelay=1000&skipFailedMessage=false&handleFailedMessage=false")
                .routeId("mail-inbound")
                // one poller in the cluster: the node holding the lease (LeasedRoutes) starts it
                .autoStartup(false)
                .process(e -> inbox.receive(e.getIn(MailMessage.class).getOriginalMessage()));

        leased.register(POLL_LEASE, "mail-inbound");

        MailProperties.Smtp smtp = properties.smtp();
        String auth = smtp.username() == null || smtp.username().isBlank() ? ""
                : "&username=RAW(" + smtp.username() + ")&password=RAW(" + smtp.password() + ")";
        from(OUTBOUND)
                .routeId("mail-outbound")
                .to(smtp.protocol() + "://" + smtp.host() + ":" + smtp.port() + "?from=RAW(" + smtp.from() + ")"
                        + auth);
    }
}
