package mn.sanal.intake;

import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import mn.sanal.intake.IntakeResult.PetitionAccepted;
import mn.sanal.intake.IntakeResult.Reason;
import mn.sanal.intake.IntakeResult.Recorded;
import mn.sanal.intake.IntakeResult.Rejected;
import mn.sanal.organisations.Place;
import mn.sanal.organisations.PlaceResolver;
import mn.sanal.petitions.Channel;
import mn.sanal.petitions.NewPetition;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionService;
import mn.sanal.petitions.PetitionStatus;
import mn.sanal.platform.Clocks;

/**
 * Channel-neutral intake: every channel hands its messages here. For each message, the dedup key (channel, channel
 * message id), what the message causes (a petition row and its process start, a rating, a reply) commit in one
 * transaction or not at all. A channel acknowledges its sender only after this returns.
 */
@Service
public class IntakeService {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);
    /**
     * The longest text a citizen may send, on every channel, for a petition or a reply: more is refused and the
     * channel tells the citizen why. The text is kept in our tables, never in a process variable.
     */
    public static final int MAX_TEXT_LENGTH = 10_000;

    private final PetitionService petitions;
    private final ProcessGateway processes;
    private final InboundMessageLedger ledger;
    private final PlaceResolver places;
    private final TransactionTemplate tx;

    IntakeService(PetitionService petitions, ProcessGateway processes, InboundMessageLedger ledger,
                  PlaceResolver places, TransactionTemplate tx) {
        this.petitions = petitions;
        this.processes = processes;
        this.ledger = ledger;
        this.places = places;
        this.tx = tx;
    }

    /** A new petition. A message we already took returns the petition it made, marked duplicate. */
    public IntakeResult submit(NewPetition p) {
        return submit(p, null);
    }

    /**
     * A new petition whose id the client chose (a web client's {@code Idempotency-Key}): {@code fingerprint} names
     * what the id was sent with, and the id replays only for the same fingerprint; with another one the result is
     * {@link Reason#KEY_REUSED} and nothing of the first message.
     */
    public IntakeResult submit(NewPetition p, String fingerprint) {
        Optional<String> invalid = validate(p);
        if (invalid.isPresent()) {
            return new Rejected(Reason.INVALID, invalid.get());
        }
        NewPetition located = withValidPlace(p);
        return once(p.channel(), p.channelMessageId(), fingerprint, () -> {
            Petition created = petitions.create(located);
            ledger.record(p.channel(), p.channelMessageId(), "PETITION", sender(p), created.id(), Clocks.now(),
                    fingerprint);
            petitions.linkProcessInstance(created.id(), processes.startPetition(created));
            log.info("Petition {} received by {}", created.trackingCode(), p.channel());
            return new PetitionAccepted(petitions.get(created.id()), false);
        });
    }

    /** A citizen's 1-5 rating of the answer to {@code petition}. */
    public IntakeResult rate(Channel channel, String externalId, String sender, Petition petition, int rating) {
        return rate(channel, externalId, sender, petition, rating, null);
    }

    /** A rating under a client-chosen id, replayed only for the same {@code fingerprint} (see {@link #submit}). */
    public IntakeResult rate(Channel channel, String externalId, String sender, Petition petition, int rating,
                             String fingerprint) {
        if (rating < 1 || rating > 5) {
            return new Rejected(Reason.INVALID, "Үнэлгээ 1-5 хооронд байна.");
        }
        return once(channel, externalId, fingerprint, () -> {
            if (!processes.awaitsRating(petition)) {
                return new Rejected(Reason.NOT_AWAITING_RATING,
                        "Өргөдөл " + petition.trackingCode() + " одоогоор үнэлгээ хүлээгээгүй байна.");
            }
            ledger.record(channel, externalId, "RATING", sender, petition.id(), Clocks.now(), fingerprint);
            processes.deliverRating(petition, rating);
            return new Recorded(petitions.get(petition.id()), false);
        });
    }

    /** A citizen's answer to our request for more information about {@code petition}. */
    public IntakeResult provideInformation(Channel channel, String externalId, String sender, Petition petition,
                                           String text) {
        return provideInformation(channel, externalId, sender, petition, text, null);
    }

    /** A reply under a client-chosen id, replayed only for the same {@code fingerprint} (see {@link #submit}). */
    public IntakeResult provideInformation(Channel channel, String externalId, String sender, Petition petition,
                                           String text, String fingerprint) {
        if (text == null || text.isBlank()) {
            return new Rejected(Reason.INVALID, "Хоосон мессеж ирлээ. Нэмэлт мэдээллээ бичиж илгээнэ үү.");
        }
        if (text.strip().length() > MAX_TEXT_LENGTH) {
            return new Rejected(Reason.INVALID, "Нэмэлт мэдээлэл хэт урт байна (" + MAX_TEXT_LENGTH
                    + " тэмдэгтээс ихгүй). Богиносгоод дахин илгээнэ үү.");
        }
        return once(channel, externalId, fingerprint, () -> {
            if (!processes.awaitsInformation(petition)) {
                return new Rejected(Reason.NOT_AWAITING_INFORMATION,
                        "Өргөдөл " + petition.trackingCode() + " одоогоор нэмэлт мэдээлэл хүлээгээгүй байна.");
            }
            ledger.record(channel, externalId, "INFORMATION", sender, petition.id(), Clocks.now(), fingerprint);
            // the text lives in the case history only; the process learns that the citizen answered and, being the
            // one owner of the case's status, makes it the official's again
            petitions.recordCitizenInformation(petition.id(), text.strip());
            processes.deliverInformation(petition);
            return new Recorded(petitions.get(petition.id()), false);
        });
    }

    /**
     * The petition a tracking code names. Whether the asker may see it is the channel's call (SMS answers only the
     * filing phone; the web treats the unguessable code itself as the secret, with lookups rate-limited).
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

    /**
     * Runs {@code work} once per (channel, external id): if the ledger has the message, reports what it caused; a
     * concurrent delivery of the same message loses on the unique key and reports the winner's result. Where the
     * channel gives a {@code fingerprint} (the id was the client's choice), what the id caused is reported only to
     * the same content; other content under that id is {@link Reason#KEY_REUSED}.
     */
    private IntakeResult once(Channel channel, String externalId, String fingerprint, Supplier<IntakeResult> work) {
        if (externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("Every inbound message needs its channel's id for deduplication");
        }
        try {
            return tx.execute(status -> {
                Optional<InboundMessageLedger.Entry> seen = ledger.find(channel, externalId);
                if (seen.isPresent()) {
                    return duplicate(seen.get(), fingerprint);
                }
                IntakeResult result = work.get();
                if (result instanceof Rejected) {
                    status.setRollbackOnly();
                }
                return result;
            });
        } catch (DuplicateKeyException race) {
            return tx.execute(status -> ledger.find(channel, externalId).map(e -> duplicate(e, fingerprint))
                    .orElseThrow(() -> race));
        }
    }

    private IntakeResult duplicate(InboundMessageLedger.Entry e, String fingerprint) {
        if (fingerprint != null && !fingerprint.equals(e.fingerprint())) {
            return new Rejected(Reason.KEY_REUSED,
                    "Энэ давхардлын түлхүүрийг өөр агуулгатай хүсэлтэд ашигласан байна.");
        }
        Petition p = petitions.get(e.petitionId());
        return "PETITION".equals(e.kind()) ? new PetitionAccepted(p, true) : new Recorded(p, true);
    }

    private Optional<String> validate(NewPetition p) {
        if (!p.channel().needsTranscription() && (p.text() == null || p.text().isBlank())) {
            return Optional.of("Өргөдлийн агуулга хоосон байна.");
        }
        if (p.text() != null && p.text().length() > MAX_TEXT_LENGTH) {
            return Optional.of("Өргөдөл хэт урт байна (" + MAX_TEXT_LENGTH + " тэмдэгтээс ихгүй).");
        }
        if (p.type() == null) {
            return Optional.of("Өргөдлийн төрөл тодорхойгүй байна.");
        }
        boolean inPerson = p.channel() == Channel.WALK_IN || p.channel() == Channel.PHONE;
        if (!inPerson && p.contactPhone() == null && p.contactEmail() == null && p.contactFax() == null) {
            return Optional.of("Хариу өгөх утас эсвэл имэйл хаяг шаардлагатай.");
        }
        if (p.category() != null && petitions.category(p.category()).isEmpty()) {
            return Optional.of("Ангилал '" + p.category() + "' байхгүй байна.");
        }
        NewPetition.Location l = p.location();
        if (l != null && places.validate(l.aimagCode(), l.soumCode(), l.bagCode()).isEmpty()) {
            return Optional.of("Байршил буруу: аймаг, сум, баг хоорондоо таарахгүй байна.");
        }
        return Optional.empty();
    }

    /**
     * The place the channel gave, checked; where it gave none (an SMS, a mail), the place the text names if it names a
     * soum ("Сүмбэр сумын 3-р багт..."), so the petition reaches that soum rather than the national clerks.
     */
    private NewPetition withValidPlace(NewPetition p) {
        NewPetition.Location l = p.location() == null ? NewPetition.Location.UNKNOWN : p.location();
        Place place = places.validate(l.aimagCode(), l.soumCode(), l.bagCode()).orElse(Place.UNKNOWN);
        if (!place.isKnown() && p.text() != null) {
            Place named = places.fromAddress(p.text());
            if (named.soumCode() != null) {
                place = named;
            }
        }
        return new NewPetition(p.channel(), p.channelMessageId(), p.type(), p.text(), p.contactPhone(),
                p.contactEmail(), p.contactFax(), p.citizenName(), p.category(),
                new NewPetition.Location(place.aimagCode(), place.soumCode(), place.bagCode(), l.addressText(),
                        l.latitude(), l.longitude()),
                p.receivedAt());
    }

    private static String sender(NewPetition p) {
        return p.contactPhone() != null ? p.contactPhone()
                : p.contactEmail() != null ? p.contactEmail() : p.contactFax();
    }
}
