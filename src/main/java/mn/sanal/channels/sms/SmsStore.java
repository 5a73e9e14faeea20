package mn.sanal.channels.sms;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The SMS channel's own table: parts of concatenated messages awaiting the rest. */
@Repository
class SmsStore {

    record Part(String sender, int ref, int total, int seq, String body, OffsetDateTime receivedAt) {
    }

    record Group(String sender, int ref, int total) {
    }

    private final JdbcClient jdbc;

    SmsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a part unless the same part is already waiting, and commits. The caller reads the group's parts
     * afterwards ({@link #parts}), in a transaction of its own: with several nodes bound, the parts of one message may
     * arrive on different nodes at the same moment, and read in the inserting transaction neither would see the
     * other's part, so the message would wait for the time limit and arrive flagged incomplete. Read after the
     * commit, at least the later of the two sees every part (both may: intake's key for the whole text takes it once).
     */
    @Transactional
    public void storePart(Part p) {
        jdbc.sql("""
                INSERT INTO sms_part (sender, ref_num, total, seq, body, received_at, done)
                SELECT ?, ?, ?, ?, ?, ?, FALSE
                WHERE NOT EXISTS (SELECT 1 FROM sms_part
                                  WHERE sender = ? AND ref_num = ? AND total = ? AND seq = ? AND done = FALSE)
                """).params(p.sender(), p.ref(), p.total(), p.seq(), p.body(), p.receivedAt(),
                p.sender(), p.ref(), p.total(), p.seq()).update();
    }

    @Transactional(readOnly = true)
    public List<Part> parts(Group g) {
        return jdbc.sql("""
                SELECT sender, ref_num, total, seq, body, received_at FROM sms_part
                WHERE sender = ? AND ref_num = ? AND total = ? AND done = FALSE ORDER BY seq, id
                """).params(g.sender(), g.ref(), g.total())
                .query((rs, i) -> new Part(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
                .list();
    }

    /** Groups whose first part arrived before {@code before} and that are still incomplete. */
    @Transactional(readOnly = true)
    public List<Group> expired(OffsetDateTime before) {
        return jdbc.sql("""
                SELECT sender, ref_num, total FROM sms_part WHERE done = FALSE
                GROUP BY sender, ref_num, total HAVING MIN(received_at) < ?
                """).param(before)
                .query((rs, i) -> new Group(rs.getString(1), rs.getInt(2), rs.getInt(3))).list();
    }

    /** The group went through intake: its parts are kept a day (a redelivered part finds nothing to wait for). */
    @Transactional
    public void markDone(Group g) {
        jdbc.sql("UPDATE sms_part SET done = TRUE WHERE sender = ? AND ref_num = ? AND total = ? AND done = FALSE")
                .params(g.sender(), g.ref(), g.total()).update();
    }

    @Transactional
    public int purgeDone(OffsetDateTime before) {
        return jdbc.sql("DELETE FROM sms_part WHERE done = TRUE AND received_at < ?").param(before).update();
    }
}
