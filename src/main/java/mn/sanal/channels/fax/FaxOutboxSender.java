package mn.sanal.channels.fax;

import org.springframework.stereotype.Component;

import mn.sanal.channels.mail.MailSender;
import mn.sanal.outbox.OutboxMessage;
import mn.sanal.outbox.OutboxSender;
import mn.sanal.petitions.Channel;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionService;

/**
 * Answers by fax: a mail to the fax gateway at {@code sanal.fax.address-pattern} with the number filled in; the
 * gateway prints and faxes it. (Citizens with a mobile number are answered by SMS: see CitizenNotifier.)
 */
@Component
class FaxOutboxSender implements OutboxSender {

    private final MailSender mail;
    private final FaxProperties properties;
    private final PetitionService petitions;

    FaxOutboxSender(MailSender mail, FaxProperties properties, PetitionService petitions) {
        this.mail = mail;
        this.properties = properties;
        this.petitions = petitions;
    }

    @Override
    public boolean supports(String channel) {
        return Channel.FAX.name().equals(channel);
    }

    @Override
    public String send(OutboxMessage m) throws Exception {
        String number = m.recipient().replaceAll("[^0-9+]", "");
        if (number.isEmpty()) {
            throw new IllegalArgumentException("Not a fax number: " + m.recipient());
        }
        Petition p = m.petitionId() == null ? null : petitions.get(m.petitionId());
        String address = properties.addressPattern().replace("{number}", number);
        String subject = m.subject() == null ? "Санал" : m.subject();
        return mail.send(address, subject, m.body(), p == null ? null : p.trackingCode(), m.id(), null);
    }
}
