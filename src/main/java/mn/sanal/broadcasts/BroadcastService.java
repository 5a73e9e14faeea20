package mn.sanal.broadcasts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import mn.sanal.citizens.Audience;
import mn.sanal.citizens.CitizenRegister;
import mn.sanal.citizens.RegisteredPhone;
import mn.sanal.outbox.NewOutboxMessage;
import mn.sanal.outbox.OutboxMessage;
import mn.sanal.outbox.OutboxService;

/**
 * Sends one text to every eligible phone of an audience (registered in the soum or its bags, not opted out) through
 * the outbox, for the Broadcast process and any other feature (a poll's question, an LDF notice).
 * <p>
 * {@link #send} writes one outbox row per phone under the key {@code <campaign>:<phone>}, at
 * {@link OutboxService#PRIORITY_BULK} (every message about a citizen's own case is claimed first), in batches of
 * {@value #BATCH} rows, each batch in a transaction of its own (never 12,200 rows in one transaction). It may be
 * called again with the same campaign (a job retried, a restart mid-way): rows that exist are not written again, so
 * nobody gets a second copy. The SMS channel drains the rows at {@code sanal.sms.max-tps}. The campaign key is the
 * caller's: e.g. {@code broadcast:42}, {@code poll:7:question}; at most 80 characters.
 */
@Service
public class BroadcastService {

    public static final String KIND = "BROADCAST";
    public static final String CHANNEL_SMS = "SMS";
    static final int BATCH = 500;
    /** At most this many characters: ten UCS-2 parts. */
    public static final int MAX_TEXT = 670;
    private static final Logger log = LoggerFactory.getLogger(BroadcastService.class);

    private final CitizenRegister register;
    private final OutboxService outbox;
    private final TransactionTemplate eachBatch;

    BroadcastService(CitizenRegister register, OutboxService outbox, PlatformTransactionManager transactions) {
        this.register = register;
        this.outbox = outbox;
        this.eachBatch = new TransactionTemplate(transactions);
        this.eachBatch.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What a send would do, for the approver: recipients, segments each and in all, and the opted-out left out. */
    public record Preview(long residents, long recipients, long optedOut, SmsSegments.Encoding encoding,
                          int segmentsEach, long segmentsTotal) {
    }

    /** What a send did: rows this call wrote, and the recipients in all (written now or before). */
    public record Sent(String campaign, long recipients, long written, int segmentsEach) {
    }

    public Preview preview(Audience audience, String text) {
        SmsSegments.Count c = SmsSegments.count(checkText(text));
        long recipients = register.countEligiblePhones(audience);
        return new Preview(register.countResidents(audience), recipients, register.countOptedOutPhones(audience),
                c.encoding(), c.segments(), recipients * c.segments());
    }

    /** Writes the text for every eligible phone of the audience; see the class comment. */
    public Sent send(Audience audience, String text, String campaign) {
        checkText(text);
        if (campaign == null || campaign.isBlank() || campaign.length() > 80) {
            throw new IllegalArgumentException("A campaign key of 1..80 characters is needed");
        }
        long[] counts = new long[2];
        register.forEachEligiblePage(audience, page -> {
            for (int from = 0; from < page.size(); from += BATCH) {
                List<RegisteredPhone> batch = page.subList(from, Math.min(from + BATCH, page.size()));
                List<NewOutboxMessage> rows = new ArrayList<>(batch.size());
                for (RegisteredPhone p : batch) {
                    rows.add(message(campaign, p.phone(), text));
                }
                Integer written = eachBatch.execute(tx -> outbox.enqueueBulk(rows, campaign,
                        OutboxService.PRIORITY_BULK));
                counts[0] += batch.size();
                counts[1] += written == null ? 0 : written;
            }
        });
        log.info("Broadcast {}: {} recipients, {} rows written now", campaign, counts[0], counts[1]);
        return new Sent(campaign, counts[0], counts[1], SmsSegments.count(text).segments());
    }

    /** Stops what has not been handed to the SMS channel yet. Returns the rows stopped. */
    public int cancel(String campaign) {
        int n = outbox.cancelCampaign(campaign);
        log.info("Broadcast {} cancelled: {} messages not sent", campaign, n);
        return n;
    }

    /** The campaign of the one retry of a campaign's failures. */
    public static String retryCampaign(String campaign) {
        return campaign + ":retry";
    }

    /**
     * Once, later (the Broadcast process's policy): every phone whose message failed (given up by the channel, or a
     * receipt that says not delivered) gets the text again under {@code <campaign>:retry}. Idempotent like
     * {@link #send}.
     */
    public long retryFailures(String campaign) {
        String retry = retryCampaign(campaign);
        long[] written = new long[1];
        forEachRow(campaign, page -> {
            List<NewOutboxMessage> rows = new ArrayList<>();
            for (OutboxMessage m : page) {
                if (failed(m)) {
                    rows.add(message(retry, m.recipient(), m.body()));
                }
            }
            if (!rows.isEmpty()) {
                Integer n = eachBatch.execute(tx -> outbox.enqueueBulk(rows, retry, OutboxService.PRIORITY_BULK));
                written[0] += n == null ? 0 : n;
            }
        });
        log.info("Broadcast {}: {} failures queued once more", campaign, written[0]);
        return written[0];
    }

    /** Counts of a campaign and of its retry: see {@link Report}. */
    public Report report(String campaign, long optedOut) {
        Map<String, Long> first = outbox.campaignCounts(campaign);
        Map<String, Long> retry = outbox.campaignCounts(retryCampaign(campaign));
        long recipients = first.values().stream().mapToLong(Long::longValue).sum();
        long sent = sumPrefix(first, "SENT");
        long delivered = sum(first, "SENT/DELIVERED") + sum(retry, "SENT/DELIVERED");
        long retried = retry.values().stream().mapToLong(Long::longValue).sum();
        long failedFirst = sum(first, "FAILED") + sum(first, "SENT/FAILED");
        long failedAfterRetry = failedFirst - sum(retry, "SENT/DELIVERED");
        long cancelled = sum(first, "CANCELLED") + sum(retry, "CANCELLED");
        long pending = sum(first, "PENDING") + sum(first, "SENDING") + sum(retry, "PENDING") + sum(retry, "SENDING");
        return new Report(recipients, sent + sumPrefix(retry, "SENT"), delivered, Math.max(failedAfterRetry, 0), retried,
                cancelled, pending, optedOut);
    }

    /**
     * recipients: phones written; sent: messages handed to the SMSC (first time and retry); delivered: receipts that
     * say delivered; failed: phones with no delivered message in the end; cancelled: not sent because of a cancel;
     * pending: not yet sent.
     */
    public record Report(long recipients, long sent, long delivered, long failed, long retried, long cancelled,
                         long pending, long optedOut) {
    }

    /** Every row of the campaign, page by page, for the per-recipient CSV. */
    public void forEachRow(String campaign, Consumer<List<OutboxMessage>> page) {
        long after = 0;
        while (true) {
            List<OutboxMessage> rows = outbox.campaignPage(campaign, after, 1000);
            if (rows.isEmpty()) {
                return;
            }
            page.accept(rows);
            after = rows.get(rows.size() - 1).id();
        }
    }

    static boolean failed(OutboxMessage m) {
        return "FAILED".equals(m.status()) || "FAILED".equals(m.deliveryStatus());
    }

    private static long sumPrefix(Map<String, Long> counts, String status) {
        return counts.entrySet().stream().filter(e -> e.getKey().equals(status) || e.getKey().startsWith(status + "/"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static long sum(Map<String, Long> counts, String key) {
        return counts.getOrDefault(key, 0L);
    }

    private static NewOutboxMessage message(String campaign, String phone, String text) {
        return new NewOutboxMessage(campaign + ":" + phone, null, KIND, CHANNEL_SMS, phone, null, text);
    }

    private static String checkText(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("A broadcast text has 1.." + MAX_TEXT + " characters");
        }
        return text;
    }
}
