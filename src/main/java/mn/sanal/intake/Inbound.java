package mn.sanal.intake;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import mn.sanal.attachments.AttachmentService;
import mn.sanal.intake.InboundMessage.Intent;
import mn.sanal.petitions.CitizenNotifier;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionService;
import mn.sanal.petitions.PetitionStatus;
import mn.sanal.petitions.PetitionType;
import mn.sanal.platform.Hashes;

/**
 * One message while intake decides what it is: the message, what its words ask for, and the cases it may act on,
 * each looked up once and only when a kind asks.
 */
public final class Inbound {

    private final InboundMessage message;
    private final Command command;
    private final PetitionService petitions;
    private final AttachmentService attachments;
    private final CitizenNotifier notifier;
    private Optional<Petition> ownCase;
    private boolean filesLinked;
    private final Map<PetitionStatus, Optional<Petition>> latest = new EnumMap<>(PetitionStatus.class);

    Inbound(InboundMessage message, PetitionService petitions, AttachmentService attachments,
            CitizenNotifier notifier) {
        this.message = message;
        this.petitions = petitions;
        this.attachments = attachments;
        this.notifier = notifier;
        this.command = message.intent() == Intent.ANY ? Command.parse(message.subject(), message.text())
                : new Command.Text(message.text() == null ? "" : message.text().strip(), PetitionType.REQUEST, false);
    }

    public InboundMessage message() {
        return message;
    }

    Command command() {
        return command;
    }

    public Intent intent() {
        return message.intent();
    }

    /**
     * The case this message names and may act on: the one the channel vouches for ({@code addressedTo}), else the
     * first tracking code (the channel's threading hints, then the subject, then the text) whose case has the
     * sender as its contact. A code of somebody else's case is ignored: it neither acts on that case nor says
     * whether it exists.
     */
    public Optional<Petition> ownCase() {
        if (ownCase == null) {
            ownCase = findOwnCase();
        }
        return ownCase;
    }

    private Optional<Petition> findOwnCase() {
        if (message.addressedTo() != null) {
            return petitions.findByTrackingCode(message.addressedTo());
        }
        List<String> codes = new ArrayList<>(message.refersTo());
        Command.codes(message.subject()).stream().filter(c -> !codes.contains(c)).forEach(codes::add);
        Command.codes(message.text()).stream().filter(c -> !codes.contains(c)).forEach(codes::add);
        for (String code : codes) {
            Optional<Petition> p = petitions.findByTrackingCode(code).filter(this::fromContactOf);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    /** True if the message comes from the case's own contact (the number or address it was filed with). */
    public boolean fromContactOf(Petition p) {
        String s = message.sender();
        return s != null && !s.isBlank() && (s.equals(p.contactPhone()) || s.equalsIgnoreCase(p.contactEmail())
                || s.equals(p.contactFax()));
    }

    /**
     * The sender's newest case in {@code status}: what a message that names no case (a bare SMS) replies to. Only
     * channels whose sender is a citizen's own address (SMS, mail) have one.
     */
    public Optional<Petition> latest(PetitionStatus status) {
        return latest.computeIfAbsent(status, s -> {
            String sender = message.sender();
            if (sender == null || sender.isBlank()) {
                return Optional.empty();
            }
            return switch (message.channel()) {
                case SMS -> petitions.findLatestByPhone(sender, s);
                case EMAIL -> petitions.findLatestByEmail(sender, s);
                default -> Optional.empty();
            };
        });
    }

    /**
     * The citizen's own words for a case's history: the text, else the subject, else a note that files came. Never
     * cut: a kind refuses words longer than {@link IntakeService#MAX_TEXT_LENGTH}.
     */
    public String words() {
        String t = message.text() == null ? "" : message.text().strip();
        if (t.isEmpty() && message.subject() != null) {
            t = message.subject().strip();
        }
        if (t.isEmpty() && message.hasFiles()) {
            t = IntakeReplies.FILES_ONLY;
        }
        return t;
    }

    /**
     * Links the message's files to the case it was taken for, once, in the intake's transaction; what was kept out
     * (too large, a program) is told to the citizen through the outbox, in the same transaction.
     */
    public void linkFilesTo(Petition p) {
        if (filesLinked) {
            return;
        }
        filesLinked = true;
        attachments.attach(p.id(), message.files());
        AttachmentService.refusalNotice(p.trackingCode(), message.refused())
                .ifPresent(text -> notifier.tell(p, "ATTACHMENTS_REFUSED", occasion(), text));
    }

    /** Names this message among others on the same case (outbox keys): channel and message id, hashed when long. */
    public String occasion() {
        String key = message.channel().name() + ":" + message.messageId();
        return key.length() <= 100 ? key : message.channel().name() + ":sha256:" + sha256(message.messageId());
    }

    static String sha256(String s) {
        return Hashes.sha256Hex(s);
    }
}
