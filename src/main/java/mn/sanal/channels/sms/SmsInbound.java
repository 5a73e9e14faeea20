package mn.sanal.channels.sms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import mn.sanal.intake.InboundMessage;
import mn.sanal.intake.IntakeService;
import mn.sanal.outbox.OutboxService;
import mn.sanal.petitions.Channel;
import mn.sanal.platform.Clocks;

/**
 * One deliver_sm from the SMSC: a delivery receipt for something we sent, a part of a longer message (stored until the
 * rest comes), or a whole message for intake. Returns only after what it caused is committed; any database failure
 * propagates so that the route answers the SMSC with a temporary error and the SMSC delivers again.
 */
@Component
class SmsInbound {

    private static final Logger log = LoggerFactory.getLogger(SmsInbound.class);

    private final IntakeService intake;
    private final OutboxService outbox;
    private final SmsStore store;
    private final SmsProperties properties;

    SmsInbound(IntakeService intake, OutboxService outbox, SmsStore store, SmsProperties properties) {
        this.intake = intake;
        this.outbox = outbox;
        this.store = store;
        this.properties = properties;
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
        store.storePart(new SmsStore.Part(phone, c.reference(), c.total(), c.seq(), pdu.text(), Clocks.now()));
        List<SmsStore.Part> parts = store.parts(new SmsStore.Group(phone, c.reference(), c.total()));
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
                // every part may be there, taken by two nodes at once and read before the other's commit
                completeGroup(g, parts, parts.stream().map(SmsStore.Part::seq).distinct().count() < g.total());
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
        handle(g.sender(), whole, key, incomplete ? incompleteNote(arrived, g.total()) : null);
        store.markDone(g);
    }

    /**
     * One whole message to intake, which decides what it asks for (a petition, a status query, a rating, a reply to
     * our question, a follow-up, an opt-out, help) and answers through the outbox, once per {@code key}, in its one
     * transaction.
     */
    void handle(String phone, String text, String key, String incompleteNote) {
        intake.receive(InboundMessage.of(Channel.SMS, key, phone,
                incompleteNote == null ? text : text.strip() + incompleteNote));
    }

    static String incompleteNote(int arrived, int total) {
        return " [SMS дутуу ирсэн: " + total + " хэсгээс " + arrived + " нь]";
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
