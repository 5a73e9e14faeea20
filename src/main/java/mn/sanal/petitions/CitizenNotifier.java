package mn.sanal.petitions;

import java.util.Optional;

import org.springframework.stereotype.Component;

import mn.sanal.outbox.NewOutboxMessage;
import mn.sanal.outbox.OutboxService;

/**
 * Says things to the citizen of a petition, on the channel they used, through the outbox. The message key names the
 * occasion, so a job that runs twice says it once.
 */
@Component
public class CitizenNotifier {

    /** Where a message to the citizen goes: a channel that can carry it and an address on it. */
    public record ReplyAddress(Channel channel, String recipient) {
    }

    private final OutboxService outbox;

    CitizenNotifier(OutboxService outbox) {
        this.outbox = outbox;
    }

    /**
     * SMS-like channels answer by SMS, mail by mail, fax by SMS when the citizen gave a mobile number or else by fax;
     * the web answers where the citizen gave an address. A walk-in without any contact gets no message.
     */
    public static Optional<ReplyAddress> replyAddress(Petition p) {
        Optional<ReplyAddress> sms = Optional.ofNullable(p.contactPhone()).map(n -> new ReplyAddress(Channel.SMS, n));
        Optional<ReplyAddress> mail =
                Optional.ofNullable(p.contactEmail()).map(a -> new ReplyAddress(Channel.EMAIL, a));
        Optional<ReplyAddress> fax = Optional.ofNullable(p.contactFax()).map(n -> new ReplyAddress(Channel.FAX, n));
        return switch (p.channel()) {
            case EMAIL -> mail.or(() -> sms);
            case FAX -> sms.or(() -> fax).or(() -> mail);
            default -> sms.or(() -> mail).or(() -> fax);
        };
    }

    /** Enqueues {@code text} for the petition's citizen; returns false when there is nowhere to send it. */
    public boolean tell(Petition p, String kind, String occasion, String text) {
        return replyAddress(p).map(a -> outbox.enqueue(new NewOutboxMessage(
                "petition:" + p.id() + ":" + kind + (occasion == null ? "" : ":" + occasion),
                p.id(), kind, a.channel().name(), a.recipient(),
                "Санал " + p.trackingCode(), text))).orElse(false);
    }
}
