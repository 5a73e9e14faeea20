package mn.sanal.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mn.sanal.platform.ClusterNodes;
import mn.sanal.platform.Clocks;

/**
 * The transactional outbox. Processes {@link #enqueue} in their own transaction; channels {@link #claim} due
 * messages (a compare-and-set on the row, so two app instances never claim the same one), send them, and mark them
 * {@link #markSent sent} or {@link #retryLater failed for now}.
 * <p>
 * Automatic acknowledgements are limited per recipient ({@code sanal.outbox.acknowledgement-limit}): anybody can file
 * petitions naming somebody else's number or address, and each used to bring that recipient an SMS or a mail. When a
 * claim takes an acknowledgement whose recipient already had {@code per-recipient} of them let through within the
 * window, the row is kept but marked {@value #SUPPRESSED} instead of being sent, and counted
 * ({@code sanal.outbox.suppressed}). Only the kinds listed there are limited: answers, questions and every other
 * message about a citizen's own case always go. The check runs when a row is first claimed, one row after another, so one
 * instance never lets more through than the limit; instances claiming at the same instant may each let one more.
 */
@Service
public class OutboxService implements ClusterNodes.DeadNodeListener {

    /** The status of an automatic message held back by the acknowledgement limit: kept, never sent. */
    public static final String SUPPRESSED = "SUPPRESSED";

    private static final Logger log = LoggerFactory.getLogger(OutboxService.class);

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate bulk;
    private final OutboxProperties.AcknowledgementLimit ackLimit;
    private final MeterRegistry meters;
    /** A claim older than this is taken to be from a sender that hung or died mid-send. */
    private final Duration claimTimeout;

    OutboxService(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate bulk, OutboxProperties properties,
                  ObjectProvider<MeterRegistry> meters) {
        this.jdbc = jdbc;
        this.bulk = bulk;
        this.claimTimeout = properties.claimTimeout();
        this.ackLimit = properties.acknowledgementLimit();
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
    }

    /** Writes the message unless one with the same key exists. Returns true if this call wrote it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(NewOutboxMessage m) {
        OffsetDateTime now = Clocks.now();
        // Portable "insert if absent": a unique-key violation would abort the whole engine transaction on PostgreSQL.
        int n = jdbc.sql("""
                INSERT INTO outbox (message_key, petition_id, kind, channel, recipient, recipient_key, subject, body,
                    status, attempts, next_attempt_at, created_at)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE message_key = ?)
                """)
                .params(m.messageKey(), m.petitionId(), m.kind(), m.channel(), m.recipient(),
                        recipientKey(m.channel(), m.recipient()), m.subject(), m.body(), now, now, m.messageKey())
                .update();
        return n == 1;
    }

    /** Priority of what concerns a citizen's own case (acknowledgements, answers): claimed first. */
    public static final int PRIORITY_CASE = 0;
    /** Priority of broadcasts and other messages to many: claimed after every due message of a case. */
    public static final int PRIORITY_BULK = -10;
    /** The status of a row its campaign's cancellation stopped before it was sent. */
    public static final String CANCELLED = "CANCELLED";

    /**
     * Writes many messages of one campaign (a broadcast, a poll) at {@code priority}, each unless one with its key
     * exists, in one batch of the caller's transaction. Returns how many this call wrote.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int enqueueBulk(List<NewOutboxMessage> messages, String campaign, int priority) {
        if (messages.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = Clocks.now();
        List<Object[]> rows = new ArrayList<>(messages.size());
        for (NewOutboxMessage m : messages) {
            rows.add(new Object[] {m.messageKey(), m.petitionId(), m.kind(), m.channel(), m.recipient(),
                    recipientKey(m.channel(), m.recipient()), m.subject(), m.body(), now, now, priority, campaign,
                    m.messageKey()});
        }
        int written = 0;
        for (int n : bulk.batchUpdate("""
                INSERT INTO outbox (message_key, petition_id, kind, channel, recipient, recipient_key, subject, body,
                    status, attempts, next_attempt_at, created_at, priority, campaign)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE message_key = ?)
                """, rows, new int[] {java.sql.Types.VARCHAR, java.sql.Types.BIGINT, java.sql.Types.VARCHAR,
                java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
                java.sql.Types.VARCHAR, java.sql.Types.TIMESTAMP_WITH_TIMEZONE,
                java.sql.Types.TIMESTAMP_WITH_TIMEZONE, java.sql.Types.INTEGER, java.sql.Types.VARCHAR,
                java.sql.Types.VARCHAR})) {
            written += Math.max(n, 0);
        }
        return written;
    }

    /** Stops what a campaign has not yet handed to a channel: its PENDING rows become {@value #CANCELLED}. */
    @Transactional
    public int cancelCampaign(String campaign) {
        return jdbc.sql("UPDATE outbox SET status = 'CANCELLED', claimed_by = NULL WHERE campaign = ? "
                + "AND status = 'PENDING'").param(campaign).update();
    }

    /** A campaign's rows counted by status and delivery: {@code SENT}, {@code SENT/DELIVERED}, {@code CANCELLED}... */
    @Transactional(readOnly = true)
    public Map<String, Long> campaignCounts(String campaign) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("SELECT status, delivery_status, COUNT(*) FROM outbox WHERE campaign = ? "
                        + "GROUP BY status, delivery_status").param(campaign)
                .query((java.sql.ResultSet rs) -> {
                    String key = rs.getString(1) + (rs.getString(2) == null ? "" : "/" + rs.getString(2));
                    counts.merge(key, rs.getLong(3), Long::sum);
                });
        return counts;
    }

    /** A page of a campaign's rows in id order after {@code afterId}. */
    @Transactional(readOnly = true)
    public List<OutboxMessage> campaignPage(String campaign, long afterId, int limit) {
        return jdbc.sql("SELECT * FROM outbox WHERE campaign = ? AND id > ? ORDER BY id LIMIT ?")
                .params(campaign, afterId, limit).query(OutboxService::map).list();
    }

    /**
     * Claims up to {@code limit} due messages of the given channels for {@code claimant}. Candidates come from a window
     * four times the limit, shuffled, so that instances draining together mostly try different rows; each row is
     * taken with a compare-and-set, so a row lost to another instance is simply skipped. Each compare-and-set commits
     * on its own: a claim holds no row lock while it tries the next row, so instances claiming together never wait on
     * or deadlock with each other.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<OutboxMessage> claim(Collection<String> channels, int limit, String claimant) {
        if (channels.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = Clocks.now();
        OffsetDateTime stale = now.minus(claimTimeout);
        // (id, priority), highest priority first; shuffled within each priority only, so that a message of a case is
        // never left behind a broadcast's rows while instances still mostly try different rows
        List<long[]> window = jdbc.sql("""
                SELECT id, priority FROM outbox
                WHERE channel IN (:channels)
                  AND ((status = 'PENDING' AND next_attempt_at <= :now) OR (status = 'SENDING' AND claimed_at < :stale))
                ORDER BY priority DESC, id LIMIT :window
                """)
                .param("channels", channels).param("now", now).param("stale", stale).param("window", limit * 4)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        Map<Long, Integer> rank = new HashMap<>();
        List<Long> candidates = new ArrayList<>(window.size());
        for (int i = 0, from = 0; i <= window.size(); i++) {
            if (i == window.size() || window.get(i)[1] != window.get(from)[1]) {
                List<Long> band = new ArrayList<>();
                for (int k = from; k < i; k++) {
                    band.add(window.get(k)[0]);
                    rank.put(window.get(k)[0], k);
                }
                Collections.shuffle(band);
                candidates.addAll(band);
                from = i;
            }
        }
        List<OutboxMessage> claimed = new ArrayList<>();
        for (Long id : candidates) {
            if (claimed.size() == limit) {
                break;
            }
            int n = jdbc.sql("""
                    UPDATE outbox SET status = 'SENDING', claimed_by = ?, claimed_at = ?, attempts = attempts + 1
                    WHERE id = ?
                      AND ((status = 'PENDING' AND next_attempt_at <= ?) OR (status = 'SENDING' AND claimed_at < ?))
                    """).params(claimant, now, id, now, stale).update();
            if (n == 1) {
                find(id).filter(m -> !suppressedOverLimit(m, now)).ifPresent(claimed::add);
            }
        }
        // highest priority first (petition messages before a broadcast's), then in the order written
        claimed.sort(Comparator.comparingInt((OutboxMessage m) -> rank.get(m.id())));
        return claimed;
    }

    /**
     * On its first claim, an automatic acknowledgement whose recipient has had the limit within the window is marked
     * {@value #SUPPRESSED} (and not handed to the sender). Earlier rows count once claimed, whatever became of them.
     */
    private boolean suppressedOverLimit(OutboxMessage m, OffsetDateTime now) {
        if (m.attempts() != 1 || !ackLimit.kinds().contains(m.kind())) {
            return false;
        }
        long letThrough = jdbc.sql("""
                SELECT count(*) FROM outbox
                WHERE recipient_key = (SELECT recipient_key FROM outbox WHERE id = :id) AND id <> :id
                  AND kind IN (:kinds) AND attempts > 0 AND status <> :suppressed AND created_at > :since
                """)
                .param("id", m.id()).param("kinds", ackLimit.kinds()).param("suppressed", SUPPRESSED)
                .param("since", now.minus(ackLimit.window())).query(Long.class).single();
        if (letThrough < ackLimit.perRecipient()) {
            return false;
        }
        jdbc.sql("UPDATE outbox SET status = ?, claimed_by = NULL, last_error = ? WHERE id = ?")
                .params(SUPPRESSED, "Хүлээн авагчид " + ackLimit.window() + " дотор " + ackLimit.perRecipient()
                        + " автомат мэдэгдэл илгээсэн тул энэ мэдэгдлийг илгээсэнгүй.", m.id())
                .update();
        meters.counter("sanal.outbox.suppressed", "kind", m.kind(), "channel", m.channel()).increment();
        log.info("Outbox message {} ({} to {}) suppressed: recipient had {} within {}", m.id(), m.kind(),
                m.channel(), letThrough, ackLimit.window());
        return true;
    }

    /**
     * The recipient as the limit counts it: addresses compared without case, and a mail address without its
     * {@code +tag} (bat+1@example.mn reaches bat@example.mn's mailbox).
     */
    static String recipientKey(String channel, String recipient) {
        if (recipient == null) {
            return null;
        }
        String key = recipient.strip().toLowerCase(Locale.ROOT);
        int at = key.lastIndexOf('@');
        int plus = key.indexOf('+');
        if ("EMAIL".equals(channel) && at > 0 && plus > 0 && plus < at) {
            key = key.substring(0, plus) + key.substring(at);
        }
        return key;
    }

    /**
     * Puts back every row a dead node had claimed and not sent (claimants are named {@code <node id>/<sender>}), so a
     * live node sends it at once instead of after the claim timeout. The row may have reached the channel just before
     * the node died (between the channel's answer and {@link #markSent}); then the citizen gets it twice: a
     * transmitter that dies there cannot say.
     */
    @Override
    @Transactional
    public void nodeDied(String nodeId) {
        int n = jdbc.sql("""
                UPDATE outbox SET status = 'PENDING', claimed_by = NULL, next_attempt_at = ?
                WHERE status = 'SENDING' AND claimed_by LIKE ?
                """).params(Clocks.now(), likePrefix(nodeId) + "/%").update();
        if (n > 0) {
            log.warn("Released {} outbox rows claimed by dead node {}", n, nodeId);
        }
    }

    /**
     * True while {@code claimant} still holds the claim on the row: a sender asks right before it sends, so a row
     * released under a node that was only slow (taken for dead) is not sent by both.
     */
    public boolean stillClaimed(long id, String claimant) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE id = ? AND status = 'SENDING' AND claimed_by = ?")
                .params(id, claimant).query(Integer.class).single() == 1;
    }

    private static String likePrefix(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Transactional
    public void markSent(long id, String externalId) {
        jdbc.sql("UPDATE outbox SET status = 'SENT', sent_at = ?, external_id = ?, last_error = NULL WHERE id = ?")
                .params(Clocks.now(), externalId, id).update();
    }

    /** Puts the message back for another try after {@code delay}, or gives up after {@code maxAttempts}. */
    @Transactional
    public void retryLater(long id, String error, Duration delay, int maxAttempts) {
        String shortError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        jdbc.sql("""
                UPDATE outbox SET status = CASE WHEN attempts >= ? THEN 'FAILED' ELSE 'PENDING' END,
                    next_attempt_at = ?, last_error = ?, claimed_by = NULL
                WHERE id = ?
                """).params(maxAttempts, Clocks.now().plus(delay), shortError, id).update();
    }

    /** A delivery receipt from the channel, matched by the channel's id for the message. */
    @Transactional
    public boolean recordDelivery(String externalId, String deliveryStatus, OffsetDateTime at) {
        return jdbc.sql("UPDATE outbox SET delivery_status = ?, delivered_at = ? WHERE external_id = ?")
                .params(deliveryStatus, at, externalId).update() > 0;
    }

    @Transactional(readOnly = true)
    public Optional<OutboxMessage> find(long id) {
        return jdbc.sql("SELECT * FROM outbox WHERE id = ?").param(id).query(OutboxService::map).optional();
    }

    @Transactional(readOnly = true)
    public List<OutboxMessage> forPetition(long petitionId) {
        return jdbc.sql("SELECT * FROM outbox WHERE petition_id = ? ORDER BY id").param(petitionId)
                .query(OutboxService::map).list();
    }

    private static OutboxMessage map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new OutboxMessage(rs.getLong("id"), rs.getString("message_key"),
                rs.getObject("petition_id") == null ? null : rs.getLong("petition_id"), rs.getString("kind"),
                rs.getString("channel"), rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                rs.getString("status"), rs.getInt("attempts"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("sent_at", OffsetDateTime.class), rs.getString("external_id"),
                rs.getString("delivery_status"));
    }
}
