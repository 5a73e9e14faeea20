package mn.sanal.channels.mail;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import mn.sanal.intake.IntakeResult;

/**
 * What the inbound route does with each unseen mail: parse, hand to the fax or voicemail handler or take it as a
 * citizen's mail, and only then (the petition committed) move it to the processed folder or mark it seen. A mail
 * that cannot be parsed is copied to the quarantine folder and reported; any other failure leaves the mail unseen for
 * the next poll, and the mails behind it go on.
 */
@Component
class MailInbox {

    private static final Logger log = LoggerFactory.getLogger(MailInbox.class);

    /** What became of a mail. */
    enum Outcome { PROCESSED, DUPLICATE, REJECTED, QUARANTINED }

    private final List<InboundMailHandler> handlers;
    private final CitizenMail citizenMail;
    private final MailProperties properties;

    MailInbox(ObjectProvider<InboundMailHandler> handlers, CitizenMail citizenMail, MailProperties properties) {
        this.handlers = handlers.orderedStream().toList();
        this.citizenMail = citizenMail;
        this.properties = properties;
    }

    Outcome receive(Message raw) throws MessagingException {
        IntakeResult result;
        ParsedMail mail;
        try {
            mail = MailParser.parse(MailParser.local(raw));
            result = handlers.stream().filter(h -> h.accepts(mail)).findFirst()
                    .map(h -> h.handle(mail)).orElseGet(() -> citizenMail.handle(mail));
        } catch (MailParser.UnparseableMailException | ClassCastException e) {
            quarantine(raw, e);
            return Outcome.QUARANTINED;
        }
        Outcome outcome = Outcome.PROCESSED;
        if (result instanceof IntakeResult.Rejected rejected) {
            // intake has told the sender why (a citizen's mail); a gateway's mail has nobody to tell
            log.info("Mail {} not taken: {}", mail.dedupKey(), rejected.reason());
            outcome = Outcome.REJECTED;
        } else if ((result instanceof IntakeResult.PetitionAccepted a && a.duplicate())
                || (result instanceof IntakeResult.Recorded r && r.duplicate())
                || (result instanceof IntakeResult.Replied r2 && r2.duplicate())) {
            log.info("Mail {} was taken before (redelivered after a crash?): flagging it now", mail.dedupKey());
            outcome = Outcome.DUPLICATE;
        }
        done(raw);
        return outcome;
    }

    /** After commit: into the processed folder, or just seen. */
    private void done(Message raw) throws MessagingException {
        String processed = properties.imap().processedFolder();
        if (processed != null && !processed.isBlank()) {
            move(raw, processed);
        } else {
            raw.setFlag(Flags.Flag.SEEN, true);
        }
    }

    private void quarantine(Message raw, Exception e) throws MessagingException {
        String id = null;
        try {
            id = raw instanceof MimeMessage mm ? mm.getMessageID() : null;
        } catch (MessagingException ignored) {
            // the header itself may be what is broken
        }
        log.error("QUARANTINE: mail {} (message number {}) cannot be read and goes to folder '{}': {}", id,
                raw.getMessageNumber(), properties.imap().quarantineFolder(),
                e.getCause() == null ? e.getClass().getName() : e.getCause().getClass().getName());
        move(raw, properties.imap().quarantineFolder());
    }

    private static void move(Message raw, String folderName) throws MessagingException {
        Folder source = raw.getFolder();
        Folder target = source.getStore().getFolder(folderName);
        if (!target.exists()) {
            target.create(Folder.HOLDS_MESSAGES);
        }
        source.copyMessages(new Message[] {raw}, target);
        raw.setFlag(Flags.Flag.SEEN, true);
        raw.setFlag(Flags.Flag.DELETED, true);
    }
}
