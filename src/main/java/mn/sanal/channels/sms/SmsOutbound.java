package mn.sanal.channels.sms;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.component.smpp.SmppConstants;
import org.apache.camel.component.smpp.SmppSplitter;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.extra.NegativeResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import org.springframework.beans.factory.ObjectProvider;

import io.github.bucket4j.Bandwidth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.github.bucket4j.Bucket;
import mn.sanal.outbox.OutboxMessage;
import mn.sanal.outbox.OutboxProperties;
import mn.sanal.outbox.OutboxService;
import mn.sanal.outbox.SelfDrainingChannel;
import mn.sanal.petitions.Channel;
import mn.sanal.platform.ClusterNodes;

/**
 * Drains the outbox rows of channel SMS at no more than {@code max-tps} submit_sm per second (every part counts).
 * Claims rows with the outbox's compare-and-set, encodes each text (GSM 7-bit or UCS-2, concatenation UDH), addresses
 * it in international form (TON 1, NPI 1: the SMSC need not guess what a bare 976XXXXXXXX is), hands the parts to the
 * camel-smpp producer, and marks the row sent with the SMSC's id of the last part, which is the only part that asks
 * for a delivery receipt. Throttling and lost connections put the row back with back-off.
 */
@Component
@ConditionalOnProperty(name = "sanal.sms.enabled", havingValue = "true", matchIfMissing = true)
class SmsOutbound implements SelfDrainingChannel {

    private static final Logger log = LoggerFactory.getLogger(SmsOutbound.class);
    static final String OUTBOX_ID = "sanalOutboxId";
    static final String ATTEMPTS = "sanalOutboxAttempts";

    private final OutboxService outbox;
    private final OutboxProperties outboxProperties;
    private final SmsProperties properties;
    private final Bucket rate;
    private final String claimant;
    private final ClusterNodes cluster;
    private final Counter submits;
    private volatile long pausedUntil;

    SmsOutbound(OutboxService outbox, OutboxProperties outboxProperties, SmsProperties properties,
                ClusterNodes cluster, ObjectProvider<MeterRegistry> meters) {
        this.cluster = cluster;
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        // submits per second (rate of this counter, summed over the nodes) against the operator's max-tps
        this.submits = Counter.builder("sanal.sms.submits").description("submit_sm sent (every part counts)")
                .register(registry);
        Gauge.builder("sanal.sms.max.tps", properties, SmsProperties::maxTps)
                .description("submit_sm per second the operator allows the account").register(registry);
        this.claimant = cluster.nodeId() + "/sms";
        this.outbox = outbox;
        this.outboxProperties = outboxProperties;
        this.properties = properties;
        int tps = Math.max(1, properties.maxTps());
        // Capacity 1: one token every 1/tps seconds, no burst. A bucket as deep as max-tps spent a full bucket on top
        // of the refill after any stall, up to 158 submit_sm in one second at max-tps 100 (BroadcastBenchmark).
        this.rate = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(1).refillGreedy(tps, Duration.ofSeconds(1)).build())
                .build();
    }

    @Override
    public String channel() {
        return Channel.SMS.name();
    }

    /** Due SMS rows, claimed for this instance: about two seconds' worth at the allowed rate. */
    public List<OutboxMessage> claim() {
        if (System.currentTimeMillis() < pausedUntil) {
            return List.of();
        }
        return outbox.claim(Set.of(channel()), Math.max(1, properties.maxTps() * 2), claimant);
    }

    /** Encodes the row's text into the exchange for the smpp producer; waits for the rate limit. */
    public void prepare(Exchange exchange) throws InterruptedException {
        OutboxMessage m = exchange.getIn().getBody(OutboxMessage.class);
        SmsEncoding.Encoded e = SmsEncoding.encode(m.body());
        long wait = pausedUntil - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        // max-tps is the account's: with every node bound, each sends its share. A bucket of one token (no burst):
        // one token per part and per sharing node
        int share = properties.binds() == SmsProperties.Binds.ALL ? cluster.liveNodes() : 1;
        for (int token = 0; token < e.parts().size() * share; token++) {
            rate.asBlocking().consume(1);
        }
        if (!outbox.stillClaimed(m.id(), claimant)) {
            return;
        }
        exchange.setProperty(OUTBOX_ID, m.id());
        exchange.setProperty(ATTEMPTS, m.attempts());
        var in = exchange.getIn();
        SmsPhones.Address to = SmsPhones.destination(m.recipient());
        in.setHeader(SmppConstants.DEST_ADDR, to.number());
        in.setHeader(SmppConstants.DEST_ADDR_TON, to.ton());
        in.setHeader(SmppConstants.DEST_ADDR_NPI, to.npi());
        in.setHeader(SmppConstants.SOURCE_ADDR, properties.sourceAddress());
        in.setHeader(SmppConstants.DATA_CODING, e.dataCoding());
        in.setHeader(SmppConstants.ESM_CLASS, new ESMClass(e.concatenated() ? 0x40 : 0x00));
        in.setHeader(SmppConstants.DATA_SPLITTER, new Prebuilt(e.parts()));
        in.setHeader(SmppConstants.REGISTERED_DELIVERY, (byte) 0x01);
        in.setHeader(SmppConstants.SINGLE_DLR, true);
        in.setBody(m.body());
    }

    public void sent(Exchange exchange) {
        long id = exchange.getProperty(OUTBOX_ID, Long.class);
        List<?> ids = exchange.getIn().getHeader(SmppConstants.ID, List.class);
        String last = ids == null || ids.isEmpty() ? null : String.valueOf(ids.get(ids.size() - 1));
        submits.increment(ids == null || ids.isEmpty() ? 1 : ids.size());
        outbox.markSent(id, last);
    }

    public void failed(Exchange exchange) {
        long id = exchange.getProperty(OUTBOX_ID, Long.class);
        int attempts = exchange.getProperty(ATTEMPTS, 1, Integer.class);
        Throwable e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Duration delay = delayFor(e, attempts);
        if (isThrottled(e)) {
            pausedUntil = System.currentTimeMillis() + 1000;
        }
        log.warn("SMS outbox row {} not sent (attempt {}), retry in {}: {}", id, attempts, delay, rootType(e));
        outbox.retryLater(id, String.valueOf(rootMessage(e)), delay, outboxProperties.maxAttempts());
    }

    /** Throttled: 2, 4, 8... s up to a minute; anything else (disconnect, SMSC error): 5, 10, 20... s up to 10 min. */
    static Duration delayFor(Throwable e, int attempts) {
        int n = Math.min(Math.max(attempts, 1) - 1, 10);
        return isThrottled(e) ? Duration.ofSeconds(Math.min(60, 2L << n))
                : Duration.ofSeconds(Math.min(600, 5L << n));
    }

    static boolean isThrottled(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NegativeResponseException n && n.getCommandStatus() == SmscSimulator.ESME_RTHROTTLED) {
                return true;
            }
        }
        return false;
    }

    /** For the log: the root cause's type only (a message may quote what was sent). */
    private static String rootType(Throwable e) {
        Throwable t = e;
        while (t != null && t.getCause() != null) {
            t = t.getCause();
        }
        return t == null ? "unknown" : t instanceof NegativeResponseException n
                ? "SMSC status 0x" + Integer.toHexString(n.getCommandStatus()) : t.getClass().getName();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t != null && t.getCause() != null) {
            t = t.getCause();
        }
        return t == null ? "unknown" : t.toString();
    }

    /** Hands camel-smpp the parts we built (UDH included) instead of its own splitting. */
    static final class Prebuilt extends SmppSplitter {
        private final List<byte[]> parts;

        Prebuilt(List<byte[]> parts) {
            super(140, 140, 0);
            this.parts = parts;
        }

        @Override
        public byte[][] split(byte[] message) {
            return parts.toArray(new byte[0][]);
        }
    }
}
