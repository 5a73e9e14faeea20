package mn.sanal.channels.mail;

import org.springframework.stereotype.Component;

import mn.sanal.outbox.OutboxMessage;
import mn.sanal.outbox.OutboxSender;
import mn.sanal.petitions.Channel;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionService;

/**
 * Answers citizens by mail: Mongolian text from the outbox, the tracking code in the subject, threaded to the
 * citizen's own mail (In-Reply-To: the Message-ID their petition came with).
 */
@Component
class MailOutboxSender implements OutboxSender {

    private final MailSender sender;
    private final PetitionService petitions;

    MailOutboxSender(MailSender sender, PetitionService petitions) {
        this.sender = sender;
        this.petitions = petitions;
    }

    @Override
    public boolean supports(String channel) {
        return Channel.EMAIL.name().equals(channel);
    }

    @Override
    public String send(OutboxMessage m) throws Exception {
        Petition p = m.petitionId() == null ? null : petitions.get(m.petitionId());
        String inReplyTo = p != null && p.channel() == Channel.EMAIL && p.channelMessageId() != null
                && !p.channelMessageId().startsWith("sha256:") ? p.channelMessageId() : null;
        String subject = m.subject() == null || m.subject().isBlank()
                ? (p == null ? "Санал" : "Санал " + p.trackingCode()) : m.subject();
        if (p != null && !subject.contains(p.trackingCode())) {
            subject = subject + " (" + p.trackingCode() + ")";
        }
        return sender.send(m.recipient(), subject, m.body() + SIGNATURE, p == null ? null : p.trackingCode(), m.id(),
                inReplyTo);
    }

    static final String SIGNATURE = "\n\n--\nСанал: иргэдийн өргөдөл, гомдлын систем. "
            + "Энэ захидалд хариу бичихдээ гарчгийг өөрчлөхгүй үлдээнэ үү.";
}
