package mn.sanal.intake;

import java.time.OffsetDateTime;
import java.util.List;

import mn.sanal.attachments.AttachmentService;
import mn.sanal.attachments.Refusal;
import mn.sanal.attachments.StoredFile;
import mn.sanal.petitions.Channel;
import mn.sanal.petitions.NewPetition;
import mn.sanal.petitions.PetitionType;
import mn.sanal.platform.Clocks;

/**
 * One message from a citizen, as every channel hands it to {@link IntakeService#receive}: the channel has translated
 * its protocol, intake decides what the message is.
 *
 * @param messageId  the channel's own id of the message (SMSC message id, Message-ID, spool file key, web
 *                   Idempotency-Key): the dedup key
 * @param sender     the address the message came from on its channel (a canonical phone number, a mail address, a
 *                   fax number); intake answers it there (SMS, mail) and matches it against a case's contact
 * @param subject    a mail's subject; null elsewhere
 * @param text       the citizen's own words (for a mail: the body without the quoted mail it answers)
 * @param intent     {@link Intent#ANY} when the keyword grammar decides; a channel whose form already says what the
 *                   message is (the web's petition form and rating endpoint, a fax) names it
 * @param refersTo   threading hints: tracking codes the channel found outside the text (in our Message-IDs that
 *                   In-Reply-To / References quote); intake adds the codes in the subject and text itself
 * @param addressedTo a tracking code the channel vouches for: the message was sent to that case by a way only its
 *                   citizen knows (the web's unguessable code in the request path); null for most channels, whose
 *                   messages act on a case only when they come from its contact
 * @param files      the message's files, already stored and screened ({@link AttachmentService.Batch})
 * @param details    what the channel knows beyond the text for a new petition: type, category, place, contacts, name
 * @param fingerprint where the message id was the client's choice (a web {@code Idempotency-Key}), a hash of what it
 *                   was sent with: the id replays only for the same fingerprint; null for ids a channel assigns
 */
public record InboundMessage(Channel channel, String messageId, String sender, OffsetDateTime receivedAt,
                             String subject, String text, Intent intent, List<String> refersTo, String addressedTo,
                             List<StoredFile> files, List<Refusal> refused, Details details, String fingerprint) {

    /** What the channel's own protocol already says the message is. */
    public enum Intent {
        /** The keyword grammar decides (SMS, a citizen's mail, a web reply to a case). */
        ANY,
        /** A new petition, whatever the text says (the web form, a fax, a voicemail, a walk-in). */
        PETITION,
        /** A 1-5 rating of the answer to {@code addressedTo} (the web's rating endpoint). */
        RATING,
        /** The information the case {@code addressedTo} asked for. */
        INFORMATION
    }

    /** For a new petition: what the channel collected besides the text; every part optional. */
    public record Details(PetitionType type, String category, NewPetition.Location location, String contactPhone,
                          String contactEmail, String contactFax, String citizenName) {
        public static final Details NONE = new Details(null, null, null, null, null, null, null);

        public Details withCitizenName(String name) {
            return new Details(type, category, location, contactPhone, contactEmail, contactFax, name);
        }
    }

    public InboundMessage {
        refersTo = refersTo == null ? List.of() : List.copyOf(refersTo);
        files = files == null ? List.of() : List.copyOf(files);
        refused = refused == null ? List.of() : List.copyOf(refused);
        details = details == null ? Details.NONE : details;
        intent = intent == null ? Intent.ANY : intent;
        receivedAt = receivedAt == null ? Clocks.now() : receivedAt;
    }

    /** A message received now, for the keyword grammar to decide; add the rest with the {@code with...} methods. */
    public static InboundMessage of(Channel channel, String messageId, String sender, String text) {
        return new InboundMessage(channel, messageId, sender, Clocks.now(), null, text, Intent.ANY, List.of(), null,
                List.of(), List.of(), Details.NONE, null);
    }

    public InboundMessage withSubject(String s) {
        return new InboundMessage(channel, messageId, sender, receivedAt, s, text, intent, refersTo, addressedTo, files,
                refused, details, fingerprint);
    }

    public InboundMessage withIntent(Intent i) {
        return new InboundMessage(channel, messageId, sender, receivedAt, subject, text, i, refersTo, addressedTo,
                files, refused, details, fingerprint);
    }

    public InboundMessage referringTo(List<String> codes) {
        return new InboundMessage(channel, messageId, sender, receivedAt, subject, text, intent, codes, addressedTo,
                files, refused, details, fingerprint);
    }

    public InboundMessage addressedTo(String code) {
        return new InboundMessage(channel, messageId, sender, receivedAt, subject, text, intent, refersTo, code, files,
                refused, details, fingerprint);
    }

    public InboundMessage withFiles(AttachmentService.Batch batch) {
        return new InboundMessage(channel, messageId, sender, receivedAt, subject, text, intent, refersTo, addressedTo,
                batch.accepted(), batch.refused(), details, fingerprint);
    }

    public InboundMessage withDetails(Details d) {
        return new InboundMessage(channel, messageId, sender, receivedAt, subject, text, intent, refersTo, addressedTo,
                files, refused, d, fingerprint);
    }

    public InboundMessage withFingerprint(String f) {
        return new InboundMessage(channel, messageId, sender, receivedAt, subject, text, intent, refersTo, addressedTo,
                files, refused, details, f);
    }

    public InboundMessage receivedAt(OffsetDateTime at) {
        return new InboundMessage(channel, messageId, sender, at, subject, text, intent, refersTo, addressedTo, files,
                refused, details, fingerprint);
    }

    boolean hasFiles() {
        return !files.isEmpty() || !refused.isEmpty();
    }
}
