package mn.sanal.channels.mail;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import mn.sanal.attachments.AttachmentService;
import mn.sanal.attachments.EvidenceIntake;
import mn.sanal.intake.IntakeResult;
import mn.sanal.intake.IntakeService;
import mn.sanal.petitions.Channel;
import mn.sanal.petitions.NewPetition;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionStatus;
import mn.sanal.petitions.PetitionType;
import mn.sanal.platform.Clocks;

/**
 * A citizen's own mail: a new petition, or, when it answers one of our mails (tracking code in the subject, or our
 * Message-ID in In-Reply-To / References) and comes from the petition's own address, more information or a 1-5
 * rating for that petition.
 */
@Component
class CitizenMail {

    /** Our outgoing Message-IDs: {@code sanal.<CODE>.<outbox id>@<domain>}. */
    static final Pattern OUR_MESSAGE_ID = Pattern.compile("sanal\\.([0-9A-Z]{4}-[0-9A-Z]{4})\\.\\d+@.*");
    private static final Pattern CODE_IN_SUBJECT = Pattern.compile("(?i)(?<![0-9A-Z])([0-9A-Z]{4}-[0-9A-Z]{4})(?![0-9A-Z])");
    /** Longer than the app is plausibly down over a long holiday; a Date header older than this is a wrong clock. */
    static final Duration MAX_MAIL_AGE = Duration.ofDays(7);
    private static final Pattern RATING = Pattern.compile("^\\s*([1-5])\\s*(?:/\\s*5)?\\s*(?:$|[.!,\\s].*)", Pattern.DOTALL);

    private final IntakeService intake;
    private final EvidenceIntake evidence;
    private final AttachmentService attachments;

    CitizenMail(IntakeService intake, EvidenceIntake evidence, AttachmentService attachments) {
        this.intake = intake;
        this.evidence = evidence;
        this.attachments = attachments;
    }

    IntakeResult handle(ParsedMail mail) {
        AttachmentService.Batch batch = MailFiles.batch(attachments, mail.files());
        String body = withoutQuote(mail.text());
        Optional<Petition> answered = answeredPetition(mail);
        if (answered.isPresent()) {
            Petition p = answered.get();
            if (p.status() == PetitionStatus.ANSWERED) {
                Matcher r = RATING.matcher(body);
                if (r.matches()) {
                    int rating = Integer.parseInt(r.group(1));
                    IntakeResult result = evidence.submit(batch, mail.dedupKey(),
                            () -> intake.rate(Channel.EMAIL, mail.dedupKey(), mail.from(), p, rating));
                    if (!(result instanceof IntakeResult.Rejected)) {
                        return result;
                    }
                }
            } else if (p.status() == PetitionStatus.WAITING_FOR_CITIZEN && !body.isBlank()) {
                IntakeResult result = evidence.submit(batch, mail.dedupKey(),
                        () -> intake.provideInformation(Channel.EMAIL, mail.dedupKey(), mail.from(), p, body));
                if (!(result instanceof IntakeResult.Rejected)) {
                    return result;
                }
            }
        }
        // a new petition (also a reply to a case that is waiting for nothing: the citizen has something new to say)
        String subject = mail.subject();
        String text = subject.isBlank() ? body : body.isBlank() ? subject : subject + "\n\n" + body;
        if (text.isBlank() && !batch.accepted().isEmpty()) {
            text = "(Иргэн зөвхөн хавсралт илгээсэн)";
        }
        NewPetition p = new NewPetition(Channel.EMAIL, mail.dedupKey(), type(subject, body), text, null, mail.from(),
                null, mail.fromName(), null, NewPetition.Location.UNKNOWN,
                receivedAt(mail.sentAt(), Clocks.now()));
        return evidence.submit(batch, mail.dedupKey(), () -> intake.submit(p));
    }

    /**
     * When the petition was made, which the legal due date counts from: the mail's Date header when it is sane (not in
     * the future, not older than {@link #MAX_MAIL_AGE}: a mail that waited in the mailbox while the app was down keeps
     * its day), else the time we took it. A sender's wrong clock or a forged header cannot move the deadline far.
     */
    static OffsetDateTime receivedAt(OffsetDateTime sentAt, OffsetDateTime now) {
        return sentAt != null && !sentAt.isAfter(now) && !sentAt.isBefore(now.minus(MAX_MAIL_AGE)) ? sentAt : now;
    }

    /** The petition this mail answers, if it comes from that petition's own mail address. */
    Optional<Petition> answeredPetition(ParsedMail mail) {
        Optional<String> code = mail.references().stream()
                .map(OUR_MESSAGE_ID::matcher).filter(Matcher::matches).map(m -> m.group(1)).findFirst();
        if (code.isEmpty()) {
            Matcher m = CODE_IN_SUBJECT.matcher(mail.subject());
            while (m.find() && code.isEmpty()) {
                code = Optional.of(m.group(1));
            }
        }
        return code.flatMap(intake::lookup)
                .filter(p -> p.contactEmail() != null && mail.from() != null
                        && p.contactEmail().equalsIgnoreCase(mail.from()));
    }

    static PetitionType type(String subject, String body) {
        String first = (subject.isBlank() ? body : subject).strip().split("[\\s:.,!-]+", 2)[0];
        return PetitionType.fromKeyword(first.toLowerCase(Locale.ROOT)).orElse(PetitionType.REQUEST);
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
