package mn.sanal.channels.mail;

import mn.sanal.intake.IntakeResult;

/**
 * A kind of mail that is not a citizen's own mail: a fax from the fax-to-email gateway, a voicemail from the PBX.
 * The mailbox asks each handler in turn; a mail no handler accepts is a citizen's mail.
 */
public interface InboundMailHandler {

    boolean accepts(ParsedMail mail);

    /** Turns the mail into a petition; must be idempotent on {@link ParsedMail#dedupKey()} (the intake ledger). */
    IntakeResult handle(ParsedMail mail);
}
