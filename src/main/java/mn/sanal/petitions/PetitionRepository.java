package mn.sanal.petitions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class PetitionRepository {

    private final JdbcClient jdbc;

    PetitionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewPetition p, String trackingCode, PetitionStatus status, OffsetDateTime now, Long follows) {
        var keys = new GeneratedKeyHolder();
        NewPetition.Location loc = p.location() == null ? NewPetition.Location.UNKNOWN : p.location();
        jdbc.sql("""
                INSERT INTO petition (tracking_code, type, channel, channel_message_id, contact_phone, contact_email,
                    contact_fax, citizen_name, text, category, aimag_code, soum_code, bag_code, address_text, latitude,
                    longitude, received_at, status, updated_at, follows_petition_id)
                VALUES (:code, :type, :channel, :msgId, :phone, :email, :fax, :name, :text, :category, :aimag, :soum,
                    :bag, :address, :lat, :lon, :received, :status, :now, :follows)
                """)
                .param("code", trackingCode)
                .param("type", p.type().name())
                .param("channel", p.channel().name())
                .param("msgId", p.channelMessageId())
                .param("phone", p.contactPhone())
                .param("email", p.contactEmail())
                .param("fax", p.contactFax())
                .param("name", p.citizenName())
                .param("text", p.text() == null ? "" : p.text())
                .param("category", p.category())
                .param("aimag", loc.aimagCode())
                .param("soum", loc.soumCode())
                .param("bag", loc.bagCode())
                .param("address", loc.addressText())
                .param("lat", loc.latitude())
                .param("lon", loc.longitude())
                .param("received", p.receivedAt() == null ? now : p.receivedAt())
                .param("status", status.name())
                .param("now", now)
                .param("follows", follows)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Petition> findById(long id) {
        return jdbc.sql("SELECT * FROM petition WHERE id = ?").param(id).query(PetitionRepository::map).optional();
    }

    Optional<Petition> findByTrackingCode(String code) {
        return jdbc.sql("SELECT * FROM petition WHERE tracking_code = ?").param(code).query(PetitionRepository::map)
                .optional();
    }

    Optional<Long> follows(long id) {
        return jdbc.sql("SELECT follows_petition_id FROM petition WHERE id = ? AND follows_petition_id IS NOT NULL")
                .param(id).query(Long.class).optional();
    }

    /** The newest petition of a phone number in the given status: what a bare SMS reply refers to. */
    Optional<Petition> findLatestByPhoneAndStatus(String phone, PetitionStatus status) {
        return jdbc.sql("SELECT * FROM petition WHERE contact_phone = ? AND status = ? ORDER BY id DESC LIMIT 1")
                .param(phone).param(status.name()).query(PetitionRepository::map).optional();
    }

    Optional<Petition> findLatestByEmailAndStatus(String email, PetitionStatus status) {
        return jdbc.sql("SELECT * FROM petition WHERE LOWER(contact_email) = LOWER(?) AND status = ? "
                        + "ORDER BY id DESC LIMIT 1")
                .param(email).param(status.name()).query(PetitionRepository::map).optional();
    }

    void update(long id, String setClause, Object... args) {
        if (updateWhere(setClause, "id = ?", args, id) != 1) {
            throw new IllegalStateException("No petition " + id);
        }
    }

    /** Like {@link #update}, only if the petition belongs to that process instance; false when it does not. */
    boolean updateOfInstance(long id, String processInstanceId, String setClause, Object... args) {
        return updateWhere(setClause, "id = ? AND process_instance_id = ?", args, id, processInstanceId) == 1;
    }

    private int updateWhere(String setClause, String where, Object[] args, Object... keys) {
        Object[] all = Arrays.copyOf(args, args.length + keys.length);
        System.arraycopy(keys, 0, all, args.length, keys.length);
        return jdbc.sql("UPDATE petition SET " + setClause + " WHERE " + where).params(all).update();
    }

    void insertEvent(long petitionId, OffsetDateTime at, PetitionEvent.Kind kind, PetitionStatus status, String actor,
                     String note) {
        jdbc.sql("INSERT INTO petition_event (petition_id, at, kind, status, actor, note) VALUES (?, ?, ?, ?, ?, ?)")
                .params(petitionId, at, kind.name(), status == null ? null : status.name(), actor, note).update();
    }

    List<PetitionEvent> events(long petitionId) {
        return jdbc.sql("SELECT * FROM petition_event WHERE petition_id = ? ORDER BY at, id").param(petitionId)
                .query((rs, i) -> new PetitionEvent(rs.getLong("id"), rs.getLong("petition_id"),
                        rs.getObject("at", OffsetDateTime.class), PetitionEvent.Kind.valueOf(rs.getString("kind")),
                        rs.getString("status") == null ? null : PetitionStatus.valueOf(rs.getString("status")),
                        rs.getString("actor"), rs.getString("note")))
                .list();
    }

    int countEvents(long petitionId, PetitionStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM petition_event WHERE petition_id = ? AND kind = 'STATUS' AND status = ?")
                .params(petitionId, status.name()).query(Integer.class).single();
    }

    private static Petition map(ResultSet rs, int row) throws SQLException {
        return new Petition(
                rs.getLong("id"),
                rs.getString("tracking_code"),
                PetitionType.valueOf(rs.getString("type")),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("channel_message_id"),
                rs.getString("contact_phone"),
                rs.getString("contact_email"),
                rs.getString("contact_fax"),
                rs.getString("citizen_name"),
                rs.getString("text"),
                rs.getString("category"),
                rs.getString("aimag_code"),
                rs.getString("soum_code"),
                rs.getString("bag_code"),
                rs.getString("address_text"),
                (Double) rs.getObject("latitude"),
                (Double) rs.getObject("longitude"),
                rs.getString("responsible_body"),
                rs.getObject("received_at", OffsetDateTime.class),
                rs.getObject("due_at", OffsetDateTime.class),
                rs.getObject("original_due_at", OffsetDateTime.class),
                (Integer) rs.getObject("extension_days"),
                PetitionStatus.valueOf(rs.getString("status")),
                rs.getBoolean("overdue"),
                rs.getString("answer"),
                rs.getString("outcome"),
                rs.getObject("answered_at", OffsetDateTime.class),
                rs.getObject("rating") == null ? null : rs.getInt("rating"),
                rs.getObject("closed_at", OffsetDateTime.class),
                rs.getString("process_instance_id"),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
