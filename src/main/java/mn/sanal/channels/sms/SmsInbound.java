package mn.sanal.channels.sms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import mn.sanal.intake.IntakeResult;
import mn.sanal.intake.IntakeResult.Recorded;
import mn.sanal.intake.IntakeResult.Rejected;
import mn.sanal.intake.IntakeService;
import mn.sanal.outbox.NewOutboxMessage;
import mn.sanal.outbox.OutboxService;
import mn.sanal.petitions.Channel;
import mn.sanal.petitions.NewPetition;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionType;
import mn.sanal.platform.Clocks;

/**
 * One deliver_sm from the SMSC: a delivery receipt for something we sent, a part of a longer message (stored until the
 * rest comes), or a whole message that the keyword grammar turns into a petition, a status query, a rating, a reply to
 * our question, an opt-out or a usage text. Returns only after what it caused is committed; any database failure
 * propagates so that the route answers the SMSC with a temporary error and the SMSC delivers again.
 */
@Component
class SmsInbound {

    private static final Logger log = LoggerFactory.getLogger(SmsInbound.class);

    private final IntakeService intake;
    private final OutboxService outbox;
    private final SmsStore store;
    private final SmsProperties properties;
    private final TransactionTemplate tx;

    SmsInbound(IntakeService intake, OutboxService outbox, SmsStore store, SmsProperties properties,
               TransactionTemplate tx) {
        this.intake = intake;
        this.outbox = outbox;
        this.store = store;
        this.properties = properties;
        this.tx = tx;
    }

    void onDeliverSm(DeliverSm d) {
        if (d.isSmscDeliveryReceipt()) {
            onReceipt(d);
            return;
        }
        String phone = SmsPhones.canonical(d.getSourceAddr());
        InboundPdu pdu = InboundPdu.decode(d.getEsmClass(), d.getDataCoding(), d.getShortMessage(),
                d.getOptionalParameters());
        if (pdu.concat() != null) {
            onPart(phone, pdu);
            return;
        }
        String smscId = InboundPdu.string(InboundPdu.find(d.getOptionalParameters(), properties.messageIdTlv()));
        String key = smscId != null ? "smsc:" + smscId
                : "sms-hash:" + phone + ":" + Clocks.now().toLocalDate() + ":" + sha256(d.getDataCoding() + pdu.text());
        handle(phone, pdu.text(), key, null);
    }

    private void onPart(String phone, InboundPdu pdu) {
        InboundPdu.Concat c = pdu.concat();
        List<SmsStore.Part> parts = store.storePart(
                new SmsStore.Part(phone, c.reference(), c.total(), c.seq(), pdu.text(), Clocks.now()));
        if (parts.stream().map(SmsStore.Part::seq).distinct().count() < c.total()) {
            log.debug("SMS part {}/{} (ref {}) stored, waiting for the rest", c.seq(), c.total(), c.reference());
            return;
        }
        completeGroup(new SmsStore.Group(phone, c.reference(), c.total()), parts, false);
    }

    /** Gives what arrived of groups older than the reassembly time limit to intake, flagged incomplete. */
    int expireGroups() {
        int n = 0;
        for (SmsStore.Group g : store.expired(Clocks.now().minus(properties.reassemblyTimeout()))) {
            List<SmsStore.Part> parts = store.parts(g);
            if (!parts.isEmpty()) {
                completeGroup(g, parts, true);
                n++;
            }
        }
        store.purgeDone(Clocks.now().minusDays(1));
        return n;
    }

    private void completeGroup(SmsStore.Group g, List<SmsStore.Part> parts, boolean incomplete) {
        StringBuilder text = new StringBuilder();
        int lastSeq = 0;
        int arrived = 0;
        for (SmsStore.Part p : parts) {
            if (p.seq() == lastSeq) {
                continue;
            }
            if (incomplete && p.seq() != lastSeq + 1) {
                text.append(" [...] ");
            }
            text.append(p.body());
            lastSeq = p.seq();
            arrived++;
        }
        if (incomplete && lastSeq < g.total()) {
            text.append(" [...]");
        }
        String whole = text.toString();
        String key = "sms-concat:" + g.sender() + ":" + g.ref() + ":" + g.total() + ":" + sha256(whole);
        handle(g.sender(), whole, key, incomplete ? SmsReplies.incompleteNote(arrived, g.total()) : null);
        store.markDone(g);
    }

    /** The grammar: what the text asks for, done once per {@code key}, and the reply (through the outbox). */
    void handle(String phone, String text, String key, String incompleteNote) {
        SmsCommand cmd = SmsCommand.parse(text);
        if (incompleteNote != null) {
            cmd = cmd instanceof SmsCommand.Text t && !t.text().isBlank()
                    ? new SmsCommand.Text(t.text() + incompleteNote, t.type(), t.typeGiven())
                    : new SmsCommand.Text(text.strip() + incompleteNote, PetitionType.REQUEST, false);
        }
        String reply;
        if (cmd instanceof SmsCommand.Empty) {
            reply = SmsReplies.EMPTY;
        } else if (cmd instanceof SmsCommand.Help) {
            reply = SmsReplies.HELP;
        } else if (cmd instanceof SmsCommand.Stop) {
            store.setOptOut(phone, true);
            reply = SmsReplies.STOPPED;
        } else if (cmd instanceof SmsCommand.Start) {
            store.setOptOut(phone, false);
            reply = SmsReplies.STARTED;
        } else if (cmd instanceof SmsCommand.Status s) {
            reply = status(phone, s);
        } else if (cmd instanceof SmsCommand.Rating r) {
            reply = rating(phone, key, r);
        } else {
            reply = text(phone, key, (SmsCommand.Text) cmd);
        }
        if (reply != null) {
            tx.executeWithoutResult(st -> outbox.enqueue(new NewOutboxMessage("sms-reply:" + key, null, "SMS_REPLY",
                    Channel.SMS.name(), phone, null, reply)));
        }
    }

    private String status(String phone, SmsCommand.Status s) {
        if (s.code().isEmpty()) {
            return s.typed().isBlank() ? SmsReplies.STATUS_NO_CODE : SmsReplies.STATUS_BAD_CODE;
        }
        Optional<Petition> p = intake.lookup(s.code().get()).filter(x -> phone.equals(x.contactPhone()));
        return p.map(SmsReplies::status).orElseGet(() -> SmsReplies.statusNotFound(s.code().get()));
    }

    private String rating(String phone, String key, SmsCommand.Rating r) {
        Optional<Petition> rated = intake.awaitingRating(Channel.SMS, phone);
        if (rated.isPresent()) {
            // the process thanks the citizen (RecordRating)
            return replyFor(intake.rate(Channel.SMS, key, phone, rated.get(), r.value()), null);
        }
        Optional<Petition> asked = intake.awaitingInformation(Channel.SMS, phone);
        if (asked.isPresent()) {
            return replyFor(intake.provideInformation(Channel.SMS, key, phone, asked.get(),
                    Integer.toString(r.value())), SmsReplies::informationReceived);
        }
        return SmsReplies.NO_RATING_AWAITED;
    }

    private String text(String phone, String key, SmsCommand.Text t) {
        if (t.text().isBlank()) {
            return SmsReplies.TYPE_WITHOUT_TEXT;
        }
        if (!t.typeGiven()) {
            Optional<Petition> asked = intake.awaitingInformation(Channel.SMS, phone);
            if (asked.isPresent()) {
                return replyFor(intake.provideInformation(Channel.SMS, key, phone, asked.get(), t.text()),
                        SmsReplies::informationReceived);
            }
        }
        IntakeResult r = intake.submit(new NewPetition(Channel.SMS, key, t.type(), t.text(), phone, null, null, null,
                null, null, Clocks.now()));
        // a new petition is acknowledged by its process (code and due date), in the same transaction
        return replyFor(r, null);
    }

    private static String replyFor(IntakeResult r, java.util.function.Function<Petition, String> recorded) {
        if (r instanceof Recorded rec) {
            return recorded == null || rec.duplicate() ? null : recorded.apply(rec.petition());
        }
        if (r instanceof Rejected rej) {
            return rej.message();
        }
        return null; // PetitionAccepted
    }

    private void onReceipt(DeliverSm d) {
        try {
            DeliveryReceipt r = d.getShortMessageAsDeliveryReceipt();
            String status = r.getFinalStatus() == DeliveryReceiptState.DELIVRD ? "DELIVERED"
                    : r.getFinalStatus() == DeliveryReceiptState.ENROUTE
                            || r.getFinalStatus() == DeliveryReceiptState.ACCEPTD ? null : "FAILED";
            if (status == null) {
                return;
            }
            OffsetDateTime at = r.getDoneDate() == null ? Clocks.now() : Clocks.fromDate(r.getDoneDate());
            boolean matched = outbox.recordDelivery(r.getId(), status, at);
            log.debug("Delivery receipt {} {} for {}", r.getId(), status, matched ? "an outbox row" : "nothing known");
        } catch (InvalidDeliveryReceiptException e) {
            log.warn("Unreadable delivery receipt ({})", e.getClass().getSimpleName());
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
