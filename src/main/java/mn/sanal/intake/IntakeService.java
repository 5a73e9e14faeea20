package mn.sanal.intake;

import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import mn.sanal.attachments.AttachmentService;
import mn.sanal.intake.IntakeResult.Kind;
import mn.sanal.intake.IntakeResult.PetitionAccepted;
import mn.sanal.intake.IntakeResult.Recorded;
import mn.sanal.intake.IntakeResult.Reason;
import mn.sanal.intake.IntakeResult.Rejected;
import mn.sanal.intake.IntakeResult.Replied;
import mn.sanal.intake.InboundMessage.Details;
import mn.sanal.intake.InboundMessage.Intent;
import mn.sanal.outbox.NewOutboxMessage;
import mn.sanal.outbox.OutboxService;
import mn.sanal.petitions.Channel;
import mn.sanal.petitions.CitizenNotifier;
import mn.sanal.petitions.NewPetition;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionService;
import mn.sanal.petitions.PetitionStatus;
import mn.sanal.platform.Clocks;

/**
 * The one door for every inbound message. A channel translates its protocol into an {@link InboundMessage} and calls
 * {@link #receive}; in one transaction intake finds a duplicate (and returns what the first delivery caused) or asks
 * the {@link InboundKind}s in their order what the message is (help, opt-out, status, a rating, information asked
 * for, a follow-up to an open case, a new petition), does what it causes, links its files, records the channel's
 * message id in the ledger and puts its answer to the sender in the outbox. All of it commits together or not at
 * all, and the channel answers its sender (deliver_sm_resp, moving the mail) only after this returned.
 */
@Service
public class IntakeService {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);
    /**
     * The longest text a citizen may send, on every channel, for a petition or a reply: more is refused and the
     * channel tells the citizen why. The text is kept in our tables, never in a process variable.
     */
    public static final int MAX_TEXT_LENGTH = NewPetition.MAX_TEXT_LENGTH;

    private final PetitionService petitions;
    private final InboundMessageLedger ledger;
    private final AttachmentService attachments;
    private final CitizenNotifier notifier;
    private final OutboxService outbox;
    private final TransactionTemplate tx;
    private final List<InboundKind> kinds;
    private final MeterRegistry meters;

    IntakeService(PetitionService petitions, InboundMessageLedger ledger, AttachmentService attachments,
                  CitizenNotifier notifier, OutboxService outbox, TransactionTemplate tx,
                  ObjectProvider<InboundKind> kinds, ObjectProvider<MeterRegistry> meters) {
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.petitions = petitions;
        this.ledger = ledger;
        this.attachments = attachments;
        this.notifier = notifier;
        this.outbox = outbox;
        this.tx = tx;
        this.kinds = kinds.orderedStream().toList();
    }

    /**
     * Decides what the message is and does it, once per (channel, message id): a message the ledger already has
     * returns what it caused, marked duplicate; a concurrent delivery of the same message loses on the ledger's
     * unique key, rolls back everything it did, and returns the winner's result.
     */
    public IntakeResult receive(InboundMessage m) {
        if (m.messageId() == null || m.messageId().isBlank()) {
            throw new IllegalArgumentException("Every inbound message needs its channel's id for deduplication");
        }
        IntakeResult result;
        try {
            try {
                result = tx.execute(status -> decide(m));
            } catch (DuplicateKeyException race) {
                result = tx.execute(status -> ledger.find(m.channel(), m.messageId()).map(e -> duplicate(e, m))
                        .orElseThrow(() -> race));
            }
        } catch (RuntimeException e) {
            meters.counter("sanal.intake.failures", "channel", m.channel().name(), "exception",
                    e.getClass().getSimpleName()).increment();
            throw e;
        }
        meters.counter("sanal.intake.messages", "channel", m.channel().name(), "kind", kindOf(result)).increment();
        return result;
    }

    /** The kind of a message as the metrics count it: what intake took it for, or DUPLICATE, or REJECTED. */
    private static String kindOf(IntakeResult r) {
        if (r instanceof IntakeResult.PetitionAccepted a) {
            return a.duplicate() ? "DUPLICATE" : "PETITION";
        } else if (r instanceof IntakeResult.Recorded x) {
            return x.duplicate() ? "DUPLICATE" : x.kind().name();
        } else if (r instanceof IntakeResult.Replied x) {
            return x.duplicate() ? "DUPLICATE" : x.kind().name();
        }
        return "REJECTED";
    }

    /** A new petition whatever its text says (the web form, a walk-in): {@link #receive} with intent PETITION. */
    public IntakeResult submit(NewPetition p) {
        return submit(p, null);
    }

    /**
     * A new petition whose id the client chose (a web client's {@code Idempotency-Key}): {@code fingerprint} names
     * what the id was sent with, and the id replays only for the same fingerprint; with another one the result is
     * {@link Reason#KEY_REUSED} and nothing of the first message.
     */
    public IntakeResult submit(NewPetition p, String fingerprint) {
        return receive(new InboundMessage(p.channel(), p.channelMessageId(), sender(p), p.receivedAt(), null,
                p.text(), Intent.PETITION, List.of(), null, List.of(), List.of(),
                new Details(p.type(), p.category(), p.location(), p.contactPhone(), p.contactEmail(), p.contactFax(),
                        p.citizenName()), fingerprint));
    }

    /** A citizen's 1-5 rating of the answer to {@code petition}: {@link #receive} with intent RATING. */
    public IntakeResult rate(Channel channel, String externalId, String sender, Petition petition, int rating) {
        return rate(channel, externalId, sender, petition, rating, null);
    }

    /** A rating under a client-chosen id, replayed only for the same {@code fingerprint} (see {@link #submit}). */
    public IntakeResult rate(Channel channel, String externalId, String sender, Petition petition, int rating,
                             String fingerprint) {
        return receive(InboundMessage.of(channel, externalId, sender, Integer.toString(rating))
                .withIntent(Intent.RATING).addressedTo(petition.trackingCode()).withFingerprint(fingerprint));
    }

    /** A citizen's answer to our question about {@code petition}: {@link #receive} with intent INFORMATION. */
    public IntakeResult provideInformation(Channel channel, String externalId, String sender, Petition petition,
                                           String text) {
        return provideInformation(channel, externalId, sender, petition, text, null);
    }

    /** A reply under a client-chosen id, replayed only for the same {@code fingerprint} (see {@link #submit}). */
    public IntakeResult provideInformation(Channel channel, String externalId, String sender, Petition petition,
                                           String text, String fingerprint) {
        return receive(InboundMessage.of(channel, externalId, sender, text)
                .withIntent(Intent.INFORMATION).addressedTo(petition.trackingCode()).withFingerprint(fingerprint));
    }

    /**
     * The petition a tracking code names. Whether the asker may see it is the channel's call (the web treats the
     * unguessable code itself as the secret, with lookups rate-limited).
     */
    public Optional<Petition> lookup(String trackingCode) {
        return petitions.findByTrackingCode(trackingCode);
    }

    public Optional<Petition> awaitingRating(Channel channel, String sender) {
        return replyTarget(channel, sender, PetitionStatus.ANSWERED);
    }

    public Optional<Petition> awaitingInformation(Channel channel, String sender) {
        return replyTarget(channel, sender, PetitionStatus.WAITING_FOR_CITIZEN);
    }

    private Optional<Petition> replyTarget(Channel channel, String sender, PetitionStatus status) {
        return channel == Channel.EMAIL ? petitions.findLatestByEmail(sender, status)
                : petitions.findLatestByPhone(sender, status);
    }

    private IntakeResult decide(InboundMessage m) {
        Optional<InboundMessageLedger.Entry> seen = ledger.find(m.channel(), m.messageId());
        if (seen.isPresent()) {
            return duplicate(seen.get(), m);
        }
        Inbound in = new Inbound(m, petitions, attachments, notifier);
        IntakeResult result = kinds.stream().map(k -> k.decide(in)).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new IllegalStateException("No inbound kind took a message of intent " + m.intent()));
        if (result instanceof Rejected r) {
            // nothing was written: no ledger entry, so a corrected retry with the same id is taken
            replyToSender(in, r.message(), null);
            return result;
        }
        Petition concerned = petition(result);
        ledger.record(m.channel(), m.messageId(), kind(result).name(), m.sender(),
                concerned == null ? null : concerned.id(), Clocks.now(), m.fingerprint());
        if (concerned != null && (result instanceof PetitionAccepted || result instanceof Recorded)) {
            in.linkFilesTo(concerned);
        }
        if (result instanceof Replied r && r.reply() != null) {
            replyToSender(in, r.reply(), r.petition());
        }
        log.debug("{} message taken as {}{}", m.channel(), kind(result),
                concerned == null ? "" : " of " + concerned.trackingCode());
        return result;
    }

    /**
     * Intake's own answer to the sender, on the channel it wrote from, keyed by the message: a redelivered message is
     * answered once. The web answers in its HTTP response instead; new petitions, ratings, information and
     * follow-ups are told by the process or the kind, to the case's contact.
     */
    private void replyToSender(Inbound in, String text, Petition p) {
        InboundMessage m = in.message();
        if ((m.channel() != Channel.SMS && m.channel() != Channel.EMAIL) || m.sender() == null
                || m.sender().isBlank()) {
            return;
        }
        String subject = null;
        if (m.channel() == Channel.EMAIL) {
            String s = m.subject() == null || m.subject().isBlank() ? "Санал" : m.subject().strip();
            subject = s.regionMatches(true, 0, "Re:", 0, 3) ? s : "Re: " + s;
            subject = subject.length() > 300 ? subject.substring(0, 300) : subject;
        }
        outbox.enqueue(new NewOutboxMessage("reply:" + in.occasion(), p == null ? null : p.id(), "REPLY",
                m.channel().name(), m.sender(), subject, text));
    }

    /**
     * What the first delivery of the message caused. Where the channel gives a {@code fingerprint} (the id was the
     * client's choice), only to the same content; other content under that id is {@link Reason#KEY_REUSED}.
     */
    private IntakeResult duplicate(InboundMessageLedger.Entry e, InboundMessage m) {
        if (m.fingerprint() != null && !m.fingerprint().equals(e.fingerprint())) {
            return new Rejected(Reason.KEY_REUSED, "Энэ давхардлын түлхүүрийг өөр агуулгатай хүсэлтэд ашигласан байна.");
        }
        Petition p = e.petitionId() == null ? null : petitions.get(e.petitionId());
        Kind kind = Kind.valueOf(e.kind());
        return switch (kind) {
            case PETITION -> new PetitionAccepted(p, true);
            case RATING, INFORMATION, FOLLOW_UP -> new Recorded(kind, p, true);
            default -> new Replied(kind, p, null, true);
        };
    }

    private static Kind kind(IntakeResult r) {
        if (r instanceof Recorded rec) {
            return rec.kind();
        }
        if (r instanceof Replied rep) {
            return rep.kind();
        }
        return Kind.PETITION;
    }

    private static Petition petition(IntakeResult r) {
        if (r instanceof PetitionAccepted a) {
            return a.petition();
        }
        if (r instanceof Recorded rec) {
            return rec.petition();
        }
        return r instanceof Replied rep ? rep.petition() : null;
    }

    private static String sender(NewPetition p) {
        return p.contactPhone() != null ? p.contactPhone()
                : p.contactEmail() != null ? p.contactEmail() : p.contactFax();
    }
}
