package mn.sanal.ldf;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import mn.sanal.ldf.Ldf.Comment;
import mn.sanal.ldf.Ldf.Cycle;
import mn.sanal.ldf.Ldf.CycleStatus;
import mn.sanal.ldf.Ldf.Project;
import mn.sanal.ldf.Ldf.ProjectStatus;
import mn.sanal.ldf.Ldf.Proposal;
import mn.sanal.ldf.Ldf.ProposalChannel;
import mn.sanal.ldf.Ldf.ProposalStatus;
import mn.sanal.ldf.Ldf.Review;
import mn.sanal.ldf.Ldf.ReviewKind;
import mn.sanal.platform.Clocks;

/** SQL of the Local Development Fund tables (V60). */
@Repository
class LdfRepository {

    private final JdbcClient jdbc;

    LdfRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------------------------------------ cycles

    long insertCycle(String soum, int year, long fund, OffsetDateTime opens, OffsetDateTime closes, String startedBy,
                     String processInstanceId) {
        var keys = new GeneratedKeyHolder();
        OffsetDateTime now = Clocks.now();
        jdbc.sql("""
                INSERT INTO ldf_cycle (soum_code, fund_year, fund_amount, status, collection_opens_at, collection_closes_at,
                    started_by, process_instance_id, created_at, updated_at)
                VALUES (?, ?, ?, 'COLLECTING', ?, ?, ?, ?, ?, ?)
                """).params(soum, year, fund, opens, closes, startedBy, processInstanceId, now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean cycleExists(String soum, int year) {
        return jdbc.sql("SELECT COUNT(*) FROM ldf_cycle WHERE soum_code = ? AND fund_year = ?").params(soum, year)
                .query(Long.class).single() > 0;
    }

    Optional<Cycle> cycle(long id) {
        return jdbc.sql("SELECT * FROM ldf_cycle WHERE id = ?").param(id).query(LdfRepository::cycle).optional();
    }

    /** The soum's newest cycles first. */
    List<Cycle> cyclesOf(String soum) {
        return jdbc.sql("SELECT * FROM ldf_cycle WHERE soum_code = ? ORDER BY fund_year DESC, id DESC").param(soum)
                .query(LdfRepository::cycle).list();
    }

    List<Cycle> cyclesInStatus(CycleStatus status) {
        return jdbc.sql("SELECT * FROM ldf_cycle WHERE status = ? ORDER BY id").param(status.name())
                .query(LdfRepository::cycle).list();
    }

    void setCycleStatus(long id, CycleStatus status) {
        jdbc.sql("UPDATE ldf_cycle SET status = ?, updated_at = ? WHERE id = ?").params(status.name(), Clocks.now(), id)
                .update();
    }

    void setCommentEnd(long id, OffsetDateTime end) {
        jdbc.sql("UPDATE ldf_cycle SET comment_ends_at = ?, updated_at = ? WHERE id = ?").params(end, Clocks.now(), id)
                .update();
    }

    void setResolution(long id, String number, LocalDate date) {
        jdbc.sql("UPDATE ldf_cycle SET resolution_number = ?, resolution_date = ?, updated_at = ? WHERE id = ?")
                .params(number, date, Clocks.now(), id).update();
    }

    void setHearing(long id, LocalDate date, int attendance, String notes) {
        jdbc.sql("""
                UPDATE ldf_cycle SET hearing_date = ?, hearing_attendance = ?, hearing_notes = ?, updated_at = ?
                WHERE id = ?""").params(date, attendance, notes, Clocks.now(), id).update();
    }

    private static Cycle cycle(ResultSet rs, int n) throws SQLException {
        return new Cycle(rs.getLong("id"), rs.getString("soum_code"), rs.getInt("fund_year"), rs.getLong("fund_amount"),
                CycleStatus.valueOf(rs.getString("status")), rs.getObject("collection_opens_at", OffsetDateTime.class),
                rs.getObject("collection_closes_at", OffsetDateTime.class),
                rs.getObject("comment_ends_at", OffsetDateTime.class), rs.getString("resolution_number"),
                rs.getObject("hearing_date", LocalDate.class), rs.getString("process_instance_id"));
    }

    // ------------------------------------------------------------------------------------------------ proposals

    long insertProposal(long cycleId, String bag, String text, String name, String phone, String email,
                        ProposalChannel channel, String enteredBy) {
        var keys = new GeneratedKeyHolder();
        OffsetDateTime now = Clocks.now();
        jdbc.sql("""
                INSERT INTO ldf_proposal (cycle_id, bag_code, text, author_name, author_phone, author_email, channel,
                    entered_by, status, received_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?)
                """).params(cycleId, bag, text, name, phone, email, channel.name(), enteredBy, now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Proposal> proposal(long id) {
        return jdbc.sql("SELECT * FROM ldf_proposal WHERE id = ?").param(id).query(LdfRepository::proposal)
                .optional();
    }

    List<Proposal> proposals(long cycleId) {
        return jdbc.sql("SELECT * FROM ldf_proposal WHERE cycle_id = ? ORDER BY bag_code, meeting_rank, id")
                .param(cycleId).query(LdfRepository::proposal).list();
    }

    List<Proposal> proposals(long cycleId, String bag) {
        return jdbc.sql("SELECT * FROM ldf_proposal WHERE cycle_id = ? AND bag_code = ? ORDER BY id")
                .params(cycleId, bag).query(LdfRepository::proposal).list();
    }

    long countProposals(long cycleId, String bag) {
        return jdbc.sql("SELECT COUNT(*) FROM ldf_proposal WHERE cycle_id = ? AND bag_code = ?").params(cycleId, bag)
                .query(Long.class).single();
    }

    void merge(long id, long into) {
        jdbc.sql("UPDATE ldf_proposal SET status = 'MERGED', merged_into_id = ?, updated_at = ? WHERE id = ?")
                .params(into, Clocks.now(), id).update();
    }

    void rank(long id, Integer rank, ProposalStatus status) {
        jdbc.sql("UPDATE ldf_proposal SET status = ?, meeting_rank = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), rank, Clocks.now(), id).update();
    }

    void review(long id, ProposalStatus status, Boolean feasible, Long cost, String note) {
        jdbc.sql("""
                UPDATE ldf_proposal SET status = ?, feasible = ?, cost_estimate = ?, review_note = ?, updated_at = ?
                WHERE id = ?""").params(status.name(), feasible, cost, note, Clocks.now(), id).update();
    }

    void decide(long id, ProposalStatus status, Long amount) {
        jdbc.sql("UPDATE ldf_proposal SET status = ?, approved_amount = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), amount, Clocks.now(), id).update();
    }

    private static Proposal proposal(ResultSet rs, int n) throws SQLException {
        return new Proposal(rs.getLong("id"), rs.getLong("cycle_id"), rs.getString("bag_code"), rs.getString("text"),
                rs.getString("author_name"), rs.getString("author_phone"), rs.getString("author_email"),
                ProposalChannel.valueOf(rs.getString("channel")), ProposalStatus.valueOf(rs.getString("status")),
                longOrNull(rs, "merged_into_id"), intOrNull(rs, "meeting_rank"),
                rs.getObject("feasible") == null ? null : rs.getBoolean("feasible"), longOrNull(rs, "cost_estimate"),
                longOrNull(rs, "approved_amount"), rs.getObject("received_at", OffsetDateTime.class));
    }

    // ------------------------------------------------------------------------------------------------ meetings

    void insertMeeting(long cycleId, String bag, LocalDate heldOn, Integer attendance, String notes, String by) {
        jdbc.sql("""
                INSERT INTO ldf_bag_meeting (cycle_id, bag_code, held_on, attendance, notes, recorded_by, recorded_at)
                SELECT ?, ?, ?, ?, ?, ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM ldf_bag_meeting WHERE cycle_id = ? AND bag_code = ?)
                """).params(cycleId, bag, heldOn, attendance, notes, by, Clocks.now(), cycleId, bag).update();
    }

    Optional<Long> meetingId(long cycleId, String bag) {
        return jdbc.sql("SELECT id FROM ldf_bag_meeting WHERE cycle_id = ? AND bag_code = ?").params(cycleId, bag)
                .query(Long.class).optional();
    }

    // ------------------------------------------------------------------------------------------------ comments

    long insertComment(long proposalId, String text, String channel, String phone, String email) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO ldf_comment (proposal_id, text, channel, author_phone, author_email, received_at)
                VALUES (?, ?, ?, ?, ?, ?)""").params(proposalId, text, channel, phone, email, Clocks.now())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<Comment> comments(long proposalId) {
        return jdbc.sql("SELECT * FROM ldf_comment WHERE proposal_id = ? ORDER BY id").param(proposalId)
                .query((rs, n) -> new Comment(rs.getLong("id"), rs.getLong("proposal_id"), rs.getString("text"),
                        rs.getString("channel"), rs.getObject("received_at", OffsetDateTime.class))).list();
    }

    // ------------------------------------------------------------------------------------------------ projects

    long insertProject(long cycleId, Proposal p, String title, long amount) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO ldf_project (cycle_id, proposal_id, bag_code, title, approved_amount, status, updated_at)
                VALUES (?, ?, ?, ?, ?, 'APPROVED', ?)""").params(cycleId, p.id(), p.bagCode(), title, amount,
                Clocks.now()).update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Project> project(long id) {
        return jdbc.sql("SELECT * FROM ldf_project WHERE id = ?").param(id).query(LdfRepository::project).optional();
    }

    Optional<Project> projectByProposal(long proposalId) {
        return jdbc.sql("SELECT * FROM ldf_project WHERE proposal_id = ?").param(proposalId)
                .query(LdfRepository::project).optional();
    }

    List<Project> projects(long cycleId) {
        return jdbc.sql("SELECT * FROM ldf_project WHERE cycle_id = ? ORDER BY id").param(cycleId)
                .query(LdfRepository::project).list();
    }

    void contract(long id, String contractor, long amount, LocalDate starts, LocalDate ends, boolean glass) {
        jdbc.sql("""
                UPDATE ldf_project SET contractor = ?, contract_amount = ?, starts_on = ?, ends_on = ?,
                    glass_account = ?, status = 'CONTRACTED', updated_at = ? WHERE id = ?""")
                .params(contractor, amount, starts, ends, glass, Clocks.now(), id).update();
    }

    void progress(long id, int percent, ProjectStatus status) {
        jdbc.sql("UPDATE ldf_project SET progress_percent = ?, status = ?, updated_at = ? WHERE id = ?")
                .params(percent, status.name(), Clocks.now(), id).update();
    }

    void setProjectStatus(long id, ProjectStatus status) {
        jdbc.sql("UPDATE ldf_project SET status = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), Clocks.now(), id).update();
    }

    void accept(long id, LocalDate on) {
        jdbc.sql("UPDATE ldf_project SET accepted_on = ?, status = 'ACCEPTED', updated_at = ? WHERE id = ?")
                .params(on, Clocks.now(), id).update();
    }

    void verdict(long id, int count, BigDecimal average, int[] d) {
        jdbc.sql("""
                UPDATE ldf_project SET verdict_count = ?, verdict_average = ?, verdict_1 = ?, verdict_2 = ?,
                    verdict_3 = ?, verdict_4 = ?, verdict_5 = ?, status = 'DONE', updated_at = ? WHERE id = ?""")
                .params(count, average, d[0], d[1], d[2], d[3], d[4], Clocks.now(), id).update();
    }

    private static Project project(ResultSet rs, int n) throws SQLException {
        return new Project(rs.getLong("id"), rs.getLong("cycle_id"), rs.getLong("proposal_id"),
                rs.getString("bag_code"), rs.getString("title"), rs.getLong("approved_amount"),
                rs.getString("contractor"), longOrNull(rs, "contract_amount"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), rs.getBoolean("glass_account"),
                rs.getInt("progress_percent"), ProjectStatus.valueOf(rs.getString("status")),
                rs.getObject("accepted_on", LocalDate.class), rs.getInt("verdict_count"),
                rs.getBigDecimal("verdict_average"), new int[] {rs.getInt("verdict_1"), rs.getInt("verdict_2"),
                        rs.getInt("verdict_3"), rs.getInt("verdict_4"), rs.getInt("verdict_5")});
    }

    // ------------------------------------------------------------------------------------------------ reviews, votes

    void insertReview(long projectId, ReviewKind kind, String reviewer, Integer percent, Integer quality,
                      String problems) {
        jdbc.sql("""
                INSERT INTO ldf_review (project_id, kind, reviewer, reviewed_at, progress_percent, quality, problems)
                VALUES (?, ?, ?, ?, ?, ?, ?)""").params(projectId, kind.name(), reviewer, Clocks.now(), percent,
                quality, problems).update();
    }

    List<Review> reviews(long projectId) {
        return jdbc.sql("SELECT * FROM ldf_review WHERE project_id = ? ORDER BY reviewed_at, id").param(projectId)
                .query((rs, n) -> new Review(rs.getLong("id"), rs.getLong("project_id"),
                        ReviewKind.valueOf(rs.getString("kind")), rs.getString("reviewer"),
                        rs.getObject("reviewed_at", OffsetDateTime.class), intOrNull(rs, "progress_percent"),
                        intOrNull(rs, "quality"), rs.getString("problems"))).list();
    }

    /** One vote per voter and project; a second vote replaces nothing. Returns whether this one counted. */
    boolean insertVote(long projectId, String voterKey, int score) {
        return jdbc.sql("""
                INSERT INTO ldf_verdict_vote (project_id, voter_key, score, voted_at)
                SELECT ?, ?, ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM ldf_verdict_vote WHERE project_id = ? AND voter_key = ?)
                """).params(projectId, voterKey, score, Clocks.now(), projectId, voterKey).update() == 1;
    }

    int[] votes(long projectId) {
        int[] d = new int[5];
        jdbc.sql("SELECT score, COUNT(*) AS n FROM ldf_verdict_vote WHERE project_id = ? GROUP BY score")
                .param(projectId).query((rs, n) -> d[rs.getInt("score") - 1] = rs.getInt("n")).list();
        return d;
    }

    // ------------------------------------------------------------------------------------------------ files

    long insertFile(long cycleId, String ownerKind, long ownerId, String name, String mediaType, long size,
                    String sha256, String storageRef, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO ldf_file (cycle_id, owner_kind, owner_id, file_name, media_type, size_bytes, sha256,
                    storage_ref, uploaded_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(cycleId, ownerKind, ownerId, name, mediaType, size,
                sha256, storageRef, by, Clocks.now()).update(keys, "id");
        return keys.getKey().longValue();
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
