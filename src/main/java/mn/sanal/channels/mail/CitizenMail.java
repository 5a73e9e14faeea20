package mn.sanal.channels.mail;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import mn.sanal.attachments.AttachmentService;
import mn.sanal.intake.InboundMessage;
import mn.sanal.intake.IntakeResult;
import mn.sanal.intake.IntakeService;
import mn.sanal.petitions.Channel;
import mn.sanal.platform.Clocks;

/**
 * A citizen's own mail, translated for intake: the sender's address, the subject, the citizen's own words (the quoted
 * mail it answers dropped), the files, and the tracking codes of our mails it answers (our Message-ID in
 * In-Reply-To / References). Intake decides what it is: a new petition, a rating, the information asked for, a
 * follow-up to the open case it answers, a status query in the subject, an opt-out...
 */
@Component
class CitizenMail {

    /** Our outgoing Message-IDs: {@code sanal.<CODE>.<outbox id>@<domain>}. */
    static final Pattern OUR_MESSAGE_ID = Pattern.compile("sanal\\.([0-9A-Z]{4}-[0-9A-Z]{4})\\.\\d+@.*");
    /** Longer than the app is plausibly down over a long holiday; a Date header older than this is a wrong clock. */
    static final Duration MAX_MAIL_AGE = Duration.ofDays(7);

    private final IntakeService intake;
    private final AttachmentService attachments;

    CitizenMail(IntakeService intake, AttachmentService attachments) {
        this.intake = intake;
        this.attachments = attachments;
    }

    IntakeResult handle(ParsedMail mail) {
        if (isAutomatic(mail)) {
            // an out-of-office answer to our mail is no citizen's word; answering it could loop (RFC 3834)
            return new IntakeResult.Rejected(IntakeResult.Reason.INVALID,
                    "Auto-Submitted: " + mail.header("auto-submitted"));
        }
        AttachmentService.Batch batch = MailFiles.batch(attachments, mail.files());
        return intake.receive(InboundMessage.of(Channel.EMAIL, mail.dedupKey(), mail.from(), withoutQuote(mail.text()))
                .receivedAt(receivedAt(mail.sentAt(), Clocks.now()))
                .withSubject(mail.subject())
                .referringTo(ourCodes(mail))
                .withFiles(batch)
                .withDetails(InboundMessage.Details.NONE.withCitizenName(mail.fromName())));
    }

    /**
     * When the message was made, which a new petition's legal due date counts from: the mail's Date header when it is
     * sane (not in the future, not older than {@link #MAX_MAIL_AGE}: a mail that waited in the mailbox while the app
     * was down keeps its day), else the time we took it. A sender's wrong clock or a forged header cannot move the
     * deadline far.
     */
    static OffsetDateTime receivedAt(OffsetDateTime sentAt, OffsetDateTime now) {
        return sentAt != null && !sentAt.isAfter(now) && !sentAt.isBefore(now.minus(MAX_MAIL_AGE)) ? sentAt : now;
    }

    /** Sent by a program (an out-of-office responder, a list robot): RFC 3834's Auto-Submitted other than "no". */
    static boolean isAutomatic(ParsedMail mail) {
        String auto = mail.header("auto-submitted");
        return auto != null && !auto.isBlank() && !auto.strip().toLowerCase(Locale.ROOT).startsWith("no");
    }

    /** The tracking codes of our mails this one answers, from the Message-IDs it quotes. */
    static List<String> ourCodes(ParsedMail mail) {
        return mail.references().stream().map(OUR_MESSAGE_ID::matcher).filter(Matcher::matches)
                .map(m -> m.group(1)).distinct().toList();
    }

    /** The citizen's own words of a reply: quoted lines and everything from the "... wrote:" line dropped. */
    static String withoutQuote(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String l = line.strip();
            if (l.startsWith(">")) {
                continue;
            }
            if (l.matches("(?i)^(on .+ wrote:|.+ бичсэн:|-{2,} ?original message ?-{2,}|-----.*-----)$")) {
                break;
            }
            out.append(line).append('\n');
        }
        return out.toString().strip();
    }
}
