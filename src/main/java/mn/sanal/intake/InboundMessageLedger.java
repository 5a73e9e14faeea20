package mn.sanal.intake;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import mn.sanal.petitions.Channel;

/**
 * Every acknowledged inbound message, once: (channel, external id) is unique. Where the external id was the client's
 * choice (a web {@code Idempotency-Key}), {@code fingerprint} is a hash of what it was sent with.
 */
@Repository
class InboundMessageLedger {

    record Entry(long id, String kind, Long petitionId, String fingerprint) {
    }

    private final JdbcClient jdbc;

    InboundMessageLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Entry> find(Channel channel, String externalId) {
        return jdbc.sql("""
                        SELECT id, kind, petition_id, request_fingerprint FROM inbound_message
                        WHERE channel = ? AND external_id = ?""")
                .params(channel.name(), externalId)
                .query((rs, i) -> new Entry(rs.getLong(1), rs.getString(2),
                        rs.getObject(3) == null ? null : rs.getLong(3), rs.getString(4)))
                .optional();
    }

    void record(Channel channel, String externalId, String kind, String sender, Long petitionId,
                OffsetDateTime at, String fingerprint) {
        jdbc.sql("INSERT INTO inbound_message (channel, external_id, kind, sender, petition_id, received_at, "
                        + "request_fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(channel.name(), externalId, kind, sender, petitionId, at, fingerprint).update();
    }
}
