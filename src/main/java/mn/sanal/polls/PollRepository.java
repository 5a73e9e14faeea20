package mn.sanal.polls;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import mn.sanal.polls.Poll.Counters;
import mn.sanal.polls.Poll.ReplacePolicy;

/** The poll tables (V50): polls, their options and bags, votes, the messages that named them, the tally. */
@Repository
class PollRepository {

    /** What a vote message became; LATE after the close, the rest refusals. */
    enum Outcome {
        RECORDED, REPLACED, REPEATED, NOT_REGISTERED, NOT_IN_AUDIENCE, NOT_ELIGIBLE, NOT_AN_OPTION, NOT_OPEN, LATE;

        boolean valid() {
            return this == RECORDED || this == REPLACED;
        }
    }

    record StoredVote(int option, int replaced) {
    }

    private final JdbcClient jdbc;
    /** PostgreSQL's shared row lock; H2 (the process tests) has only FOR UPDATE. */
    private final String shareLock;

    PollRepository(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        String product;
        try (var con = dataSource.getConnection()) {
            product = con.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        this.shareLock = "PostgreSQL".equalsIgnoreCase(product) ? "FOR SHARE" : "FOR UPDATE";
    }

    long insert(PollDraft d, String createdBy, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO poll (code, soum_code, question, opens_at, closes_at, min_age, replace_policy, remind,
                    status, created_by, created_at)
                VALUES (:code, :soum, :question, :opens, :closes, :minAge, :policy, :remind, 'DRAFT', :by, :now)
                """)
                .param("code", "~" + Long.toString(System.nanoTime() % 10_000_000L, 36))
                .param("soum", d.soumCode()).param("question", d.question()).param("opens", d.opensAt())
                .param("closes", d.closesAt()).param("minAge", d.minAge()).param("policy", d.replacePolicy().name())
                .param("remind", d.remind()).param("by", createdBy).param("now", now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("UPDATE poll SET code = ? WHERE id = ?").params(PollCodes.of(id), id).update();
        writeChoices(id, d);
        return id;
    }

    void update(long id, PollDraft d) {
        jdbc.sql("""
                UPDATE poll SET soum_code = :soum, question = :question, opens_at = :opens, closes_at = :closes,
                    min_age = :minAge, replace_policy = :policy, remind = :remind, status = 'DRAFT',
                    returned_reason = NULL WHERE id = :id
                """)
                .param("soum", d.soumCode()).param("question", d.question()).param("opens", d.opensAt())
                .param("closes", d.closesAt()).param("minAge", d.minAge()).param("policy", d.replacePolicy().name())
                .param("remind", d.remind()).param("id", id).update();
        jdbc.sql("DELETE FROM poll_option WHERE poll_id = ?").param(id).update();
        jdbc.sql("DELETE FROM poll_bag WHERE poll_id = ?").param(id).update();
        writeChoices(id, d);
    }

    private void writeChoices(long id, PollDraft d) {
        for (int i = 0; i < d.options().size(); i++) {
            jdbc.sql("INSERT INTO poll_option (poll_id, option_no, label) VALUES (?, ?, ?)")
                    .params(id, i + 1, d.options().get(i)).update();
        }
        for (String bag : d.bags()) {
            jdbc.sql("INSERT INTO poll_bag (poll_id, bag_code) VALUES (?, ?)").params(id, bag).update();
        }
    }

    void setProcessInstance(long id, String processInstanceId) {
        jdbc.sql("UPDATE poll SET process_instance_id = ? WHERE id = ?").params(processInstanceId, id).update();
    }

    void set(long id, String sql, Consumer<JdbcClient.StatementSpec> params) {
        JdbcClient.StatementSpec spec = jdbc.sql("UPDATE poll SET " + sql + " WHERE id = :id").param("id", id);
        params.accept(spec);
        spec.update();
    }

    Optional<Poll> find(long id) {
        return jdbc.sql("SELECT * FROM poll WHERE id = ?").param(id).query(this::map).optional();
    }

    Optional<Poll> findByCode(String code) {
        return jdbc.sql("SELECT * FROM poll WHERE code = ?").param(code).query(this::map).optional();
    }

    /**
     * The poll, its row share-locked until the transaction ends: votes do not wait on each other, and the close (which
     * locks the row for update) waits for the votes in flight and they for it, so no vote commits unseen by the tally.
     */
    Optional<Poll> findByCodeForVote(String code) {
        return jdbc.sql("SELECT * FROM poll WHERE code = ? " + shareLock).param(code).query(this::map).optional();
    }

    /** Locks the poll's row for the close. */
    void lockForClose(long id) {
        jdbc.sql("SELECT id FROM poll WHERE id = ? FOR UPDATE").param(id).query(Long.class).single();
    }

    Optional<Poll> findByProcessInstance(String processInstanceId) {
        return jdbc.sql("SELECT * FROM poll WHERE process_instance_id = ?").param(processInstanceId).query(this::map)
                .optional();
    }

    List<Poll> published() {
        return jdbc.sql("SELECT * FROM poll WHERE status = 'PUBLISHED' ORDER BY closes_at DESC").query(this::map)
                .list();
    }

    /** The voter's vote in the poll, locked until the intake transaction ends. */
    Optional<StoredVote> voteForUpdate(long pollId, long personId) {
        return jdbc.sql("SELECT option_no, replaced FROM poll_vote WHERE poll_id = ? AND person_id = ? FOR UPDATE")
                .params(pollId, personId).query((rs, n) -> new StoredVote(rs.getInt(1), rs.getInt(2))).optional();
    }

    void insertVote(long pollId, long personId, int option, String bag, String channel, String messageId,
                    OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO poll_vote (poll_id, person_id, option_no, bag_code, inbound_channel, inbound_message_id,
                    voted_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(pollId, personId, option, bag, channel, messageId, at).update();
    }

    void replaceVote(long pollId, long personId, int option, String bag, String channel, String messageId,
                     OffsetDateTime at) {
        jdbc.sql("""
                UPDATE poll_vote SET option_no = ?, bag_code = ?, inbound_channel = ?, inbound_message_id = ?,
                    voted_at = ?, replaced = replaced + 1 WHERE poll_id = ? AND person_id = ?
                """).params(option, bag, channel, messageId, at, pollId, personId).update();
    }

    void recordMessage(long pollId, Outcome outcome, OffsetDateTime at) {
        jdbc.sql("INSERT INTO poll_message (poll_id, outcome, received_at) VALUES (?, ?, ?)")
                .params(pollId, outcome.name(), at).update();
    }

    Map<Outcome, Integer> messageCounts(long pollId) {
        Map<Outcome, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT outcome, COUNT(*) FROM poll_message WHERE poll_id = ? GROUP BY outcome").param(pollId)
                .query(rs -> {
                    counts.put(Outcome.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return counts;
    }

    /** The tally: votes per bag of the audience and option, zeros included; one query over poll_vote. */
    List<Tally.Cell> tally(long pollId) {
        return jdbc.sql("""
                SELECT b.bag_code, o.option_no, COUNT(v.person_id) AS votes
                FROM poll_bag b
                JOIN poll_option o ON o.poll_id = b.poll_id
                LEFT JOIN poll_vote v ON v.poll_id = b.poll_id AND v.bag_code = b.bag_code AND v.option_no = o.option_no
                WHERE b.poll_id = ?
                GROUP BY b.bag_code, o.option_no
                ORDER BY b.bag_code, o.option_no
                """).param(pollId).query((rs, n) -> new Tally.Cell(rs.getString(1), rs.getInt(2), rs.getInt(3)))
                .list();
    }

    /** Each vote as "person;option;bag" in person order: what the close hashes. */
    void eachVoteRow(long pollId, Consumer<String> row) {
        jdbc.sql("SELECT person_id, option_no, bag_code FROM poll_vote WHERE poll_id = ? ORDER BY person_id")
                .param(pollId).query(rs -> {
                    row.accept(rs.getLong(1) + ";" + rs.getInt(2) + ";" + rs.getString(3));
                });
    }

    void storeResult(long pollId, List<Tally.Cell> cells, Map<String, Integer> eligible) {
        jdbc.sql("DELETE FROM poll_result WHERE poll_id = ?").param(pollId).update();
        for (Tally.Cell c : cells) {
            jdbc.sql("INSERT INTO poll_result (poll_id, bag_code, option_no, votes) VALUES (?, ?, ?, ?)")
                    .params(pollId, c.bagCode(), c.option(), c.votes()).update();
        }
        eligible.forEach((bag, n) -> jdbc.sql("UPDATE poll_bag SET eligible = ? WHERE poll_id = ? AND bag_code = ?")
                .params(n, pollId, bag).update());
    }

    List<Tally.Cell> storedResult(long pollId) {
        return jdbc.sql("SELECT bag_code, option_no, votes FROM poll_result WHERE poll_id = ? ORDER BY bag_code, option_no")
                .param(pollId).query((rs, n) -> new Tally.Cell(rs.getString(1), rs.getInt(2), rs.getInt(3))).list();
    }

    Map<String, Integer> storedEligible(long pollId) {
        Map<String, Integer> m = new LinkedHashMap<>();
        jdbc.sql("SELECT bag_code, eligible FROM poll_bag WHERE poll_id = ? ORDER BY bag_code").param(pollId)
                .query(rs -> {
                    m.put(rs.getString(1), rs.getObject(2) == null ? 0 : rs.getInt(2));
                });
        return m;
    }

    private Poll map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<String> options = jdbc.sql("SELECT label FROM poll_option WHERE poll_id = ? ORDER BY option_no")
                .param(id).query(String.class).list();
        List<String> bags = new ArrayList<>(jdbc.sql("SELECT bag_code FROM poll_bag WHERE poll_id = ? ORDER BY bag_code")
                .param(id).query(String.class).list());
        Counters counters = rs.getObject("messages_received") == null ? null
                : new Counters(rs.getInt("messages_received"), rs.getInt("messages_valid"),
                rs.getInt("messages_invalid"), rs.getInt("messages_late"));
        return new Poll(id, rs.getString("code"), rs.getString("soum_code"), rs.getString("question"), options, bags,
                rs.getObject("opens_at", OffsetDateTime.class), rs.getObject("closes_at", OffsetDateTime.class),
                rs.getInt("min_age"), ReplacePolicy.valueOf(rs.getString("replace_policy")), rs.getBoolean("remind"),
                PollStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
                rs.getString("returned_reason"), rs.getString("approved_by"),
                rs.getObject("approved_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class),
                counters, rs.getString("vote_table_sha256"), rs.getString("confirmed_by"),
                rs.getObject("confirmed_at", OffsetDateTime.class), rs.getObject("published_at", OffsetDateTime.class));
    }
}
