package mn.sanal.polls;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import mn.sanal.organisations.OrgUnit;
import mn.sanal.organisations.OrganisationService;
import mn.sanal.platform.Clocks;
import mn.sanal.polls.Poll.ReplacePolicy;
import mn.sanal.polls.PollRepository.Outcome;
import mn.sanal.polls.PollRepository.StoredVote;

/**
 * Polls from draft to publication, and the votes. A vote is taken in the intake transaction ({@link #vote}); the
 * tally is a query over the vote table; the close fixes counters, the eligible register, the tally and the vote
 * table's hash in the poll's record.
 */
@Service
public class PollService {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm");

    private final PollRepository polls;
    private final VoterRegister register;
    private final OrganisationService organisations;
    private final DataSource dataSource;

    PollService(PollRepository polls, VoterRegister register, OrganisationService organisations,
                DataSource dataSource) {
        this.polls = polls;
        this.register = register;
        this.organisations = organisations;
        this.dataSource = dataSource;
    }

    /** What a voter's message became, and what they are told. */
    public record VoteOutcome(String outcome, String reply) {
    }

    /** A draft that does not fit: the form field it concerns and why (Mongolian). */
    public static class DraftRefused extends RuntimeException {
        private final String field;

        DraftRefused(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public Poll get(long id) {
        return polls.find(id).orElseThrow(() -> new IllegalArgumentException("No poll " + id));
    }

    public Optional<Poll> findByCode(String code) {
        return polls.findByCode(code);
    }

    public Optional<Poll> findByProcessInstance(String processInstanceId) {
        return polls.findByProcessInstance(processInstanceId);
    }

    public List<Poll> published() {
        return polls.published();
    }

    // ------------------------------------------------------------------------------------------------ drafting

    @Transactional(propagation = Propagation.MANDATORY)
    public Poll create(PollDraft d, String secretary, String processInstanceId) {
        check(d);
        long id = polls.insert(d, secretary, Clocks.now());
        polls.setProcessInstance(id, processInstanceId);
        return get(id);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Poll revise(long id, PollDraft d) {
        requireStatus(id, PollStatus.RETURNED);
        check(d);
        polls.update(id, d);
        return get(id);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void approve(long id, String chair) {
        requireStatus(id, PollStatus.DRAFT);
        OffsetDateTime now = Clocks.now();
        polls.set(id, "status = 'APPROVED', approved_by = :by, approved_at = :at",
                s -> s.param("by", chair).param("at", now));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void returnToSecretary(long id, String reason) {
        requireStatus(id, PollStatus.DRAFT);
        polls.set(id, "status = 'RETURNED', returned_reason = :reason", s -> s.param("reason", reason));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void withdraw(long id) {
        polls.set(id, "status = 'WITHDRAWN'", s -> { });
    }

    private void requireStatus(long id, PollStatus expected) {
        PollStatus now = get(id).status();
        if (now != expected) {
            throw new IllegalStateException("Poll " + id + " is " + now + ", not " + expected);
        }
    }

    void check(PollDraft d) {
        OrgUnit soum = organisations.unit(d.soumCode()).filter(u -> u.level() == OrgUnit.Level.SOUM)
                .orElseThrow(() -> new DraftRefused("soum", "Сум олдсонгүй."));
        if (d.question() == null || d.question().isBlank()) {
            throw new DraftRefused("question", "Асуултаа бичнэ үү.");
        }
        if (d.question().length() > PollDraft.MAX_QUESTION) {
            throw new DraftRefused("question", "Асуулт " + PollDraft.MAX_QUESTION + " тэмдэгтээс урт байна.");
        }
        if (d.options().size() < PollDraft.MIN_OPTIONS || d.options().size() > PollDraft.MAX_OPTIONS) {
            throw new DraftRefused("options", "Хариултын сонголт 2-оос 9 байна.");
        }
        for (String o : d.options()) {
            if (o.isBlank() || o.length() > PollDraft.MAX_OPTION) {
                throw new DraftRefused("options", "Сонголт бүр 1-" + PollDraft.MAX_OPTION + " тэмдэгт байна.");
            }
        }
        if (d.bags().isEmpty()) {
            throw new DraftRefused("bags", "Санал асуулгад оролцох багийг сонгоно уу.");
        }
        for (String bag : d.bags()) {
            organisations.unit(bag).filter(u -> u.level() == OrgUnit.Level.BAG && soum.code().equals(u.parentCode()))
                    .orElseThrow(() -> new DraftRefused("bags", "Баг " + bag + " энэ суманд байхгүй."));
        }
        if (d.opensAt() == null || d.closesAt() == null || !d.closesAt().isAfter(d.opensAt())) {
            throw new DraftRefused("closesAt", "Санал авч дуусах хугацаа эхлэхээс хойш байна.");
        }
        if (!d.closesAt().isAfter(Clocks.now())) {
            throw new DraftRefused("closesAt", "Санал авч дуусах хугацаа өнгөрсөн байна.");
        }
        if (d.minAge() < 16 || d.minAge() > 25) {
            throw new DraftRefused("minAge", "Санал өгөх нас 16-25 байна.");
        }
    }

    /** The soum's bags: a poll of the whole soum names them all. */
    public List<String> bagsOf(String soumCode) {
        return organisations.units().stream()
                .filter(u -> u.level() == OrgUnit.Level.BAG && soumCode.equals(u.parentCode())).map(OrgUnit::code)
                .sorted().toList();
    }

    // ------------------------------------------------------------------------------------------------ the window

    @Transactional(propagation = Propagation.MANDATORY)
    public void markAnnounced(long id) {
        OffsetDateTime now = Clocks.now();
        polls.set(id, "announced_at = COALESCE(announced_at, :at)", s -> s.param("at", now));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void open(long id) {
        polls.set(id, "status = 'OPEN'", s -> { });
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void markReminded(long id) {
        OffsetDateTime now = Clocks.now();
        polls.set(id, "reminded_at = COALESCE(reminded_at, :at)", s -> s.param("at", now));
    }

    /** The day whose age counts: the closing day in Ulaanbaatar. Born on or before this date minus minAge years. */
    public static LocalDate bornOnOrBefore(Poll p) {
        return p.closesAt().atZoneSameInstant(Clocks.ZONE).toLocalDate().minusYears(p.minAge());
    }

    /**
     * A voter's message naming {@code code}, in the intake transaction. Empty when no announced poll has that code
     * (the message is something else). Every message that names a poll is counted (poll_message) with its outcome.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<VoteOutcome> vote(PollCodes.Ballot ballot, String phone, String channel, String messageId,
                                      OffsetDateTime at) {
        Optional<Poll> found = polls.findByCodeForVote(ballot.code()).filter(p -> p.status().announced());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Poll p = found.get();
        Outcome outcome;
        String reply;
        Optional<Integer> option = ballot.option();
        if (!at.isBefore(p.closesAt()) || p.status() == PollStatus.CLOSED || p.status() == PollStatus.CONFIRMED
                || p.status() == PollStatus.PUBLISHED) {
            outcome = Outcome.LATE;
            reply = PollReplies.closed(p.code());
        } else if (at.isBefore(p.opensAt())) {
            outcome = Outcome.NOT_OPEN;
            reply = PollReplies.notOpenYet(p.code(), p.opensAt().atZoneSameInstant(Clocks.ZONE).format(WHEN));
        } else {
            Optional<VoterRegister.Voter> voter = phone == null ? Optional.empty() : register.byPhone(phone);
            if (voter.isEmpty()) {
                outcome = Outcome.NOT_REGISTERED;
                reply = PollReplies.notRegistered(p.code());
            } else if (!p.bags().contains(voter.get().bagCode())) {
                outcome = Outcome.NOT_IN_AUDIENCE;
                reply = PollReplies.notInAudience(p.code());
            } else if (voter.get().birthDate() == null || voter.get().birthDate().isAfter(bornOnOrBefore(p))) {
                outcome = Outcome.NOT_ELIGIBLE;
                reply = PollReplies.notEligible(p.code(), p.minAge());
            } else if (option.isEmpty() || !p.hasOption(option.get())) {
                outcome = Outcome.NOT_AN_OPTION;
                reply = PollReplies.notAnOption(p.code(), p.options());
            } else {
                outcome = cast(p, voter.get(), option.get(), channel, messageId, at);
                reply = switch (outcome) {
                    case RECORDED -> PollReplies.recorded(p.code(), option.get());
                    case REPLACED -> PollReplies.replaced(p.code(), option.get());
                    default -> PollReplies.alreadyVoted(p.code());
                };
            }
        }
        polls.recordMessage(p.id(), outcome, at);
        return Optional.of(new VoteOutcome(outcome.name(), reply));
    }

    /**
     * One vote per person: the first insert wins. Two phones of one person voting at the same moment: the second
     * insert meets the primary key, rolls back to its savepoint (on PostgreSQL a failed statement would otherwise
     * abort the whole intake transaction) and is treated as a later vote of the same person.
     */
    private Outcome cast(Poll p, VoterRegister.Voter v, int option, String channel, String messageId,
                         OffsetDateTime at) {
        Optional<StoredVote> existing = polls.voteForUpdate(p.id(), v.personId());
        if (existing.isEmpty()) {
            Connection con = DataSourceUtils.getConnection(dataSource);
            Savepoint sp;
            try {
                sp = con.setSavepoint();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            try {
                polls.insertVote(p.id(), v.personId(), option, v.bagCode(), channel, messageId, at);
                release(con, sp);
                return Outcome.RECORDED;
            } catch (DuplicateKeyException race) {
                try {
                    con.rollback(sp);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                polls.voteForUpdate(p.id(), v.personId()).orElseThrow(() -> race);
            }
        }
        if (p.replacePolicy() == ReplacePolicy.LAST_COUNTS) {
            polls.replaceVote(p.id(), v.personId(), option, v.bagCode(), channel, messageId, at);
            return Outcome.REPLACED;
        }
        return Outcome.REPEATED;
    }

    private static void release(Connection con, Savepoint sp) {
        try {
            con.releaseSavepoint(sp);
        } catch (SQLException ignored) {
            // H2 and PostgreSQL release on commit anyway
        }
    }

    // ------------------------------------------------------------------------------------------------ the close

    /** The live tally (a query over the votes) with the register's eligible count now. */
    public Tally liveTally(long id) {
        Poll p = get(id);
        return Tally.of(p.options(), polls.tally(id), register.eligible(p.bags(), bornOnOrBefore(p)), bagNames(p),
                p.soumCode(), soumName(p));
    }

    /**
     * The close: the tally and the eligible register fixed in poll_result and poll_bag, the message counters and the
     * SHA-256 of the vote table in the poll's record, status CLOSED. Run twice (a retried job), it writes the same.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Poll close(long id) {
        polls.lockForClose(id);
        Poll p = get(id);
        Map<String, Integer> eligible = register.eligible(p.bags(), bornOnOrBefore(p));
        Map<String, Integer> full = new LinkedHashMap<>();
        p.bags().forEach(b -> full.put(b, eligible.getOrDefault(b, 0)));
        polls.storeResult(id, polls.tally(id), full);
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        counts.putAll(polls.messageCounts(id));
        int received = counts.values().stream().mapToInt(Integer::intValue).sum();
        int valid = counts.entrySet().stream().filter(e -> e.getKey().valid()).mapToInt(Map.Entry::getValue).sum();
        int late = counts.getOrDefault(Outcome.LATE, 0);
        String hash = voteTableHash(id);
        OffsetDateTime now = Clocks.now();
        polls.set(id, """
                status = 'CLOSED', closed_at = COALESCE(closed_at, :at), messages_received = :received,
                messages_valid = :valid, messages_invalid = :invalid, messages_late = :late, vote_table_sha256 = :hash
                """, s -> s.param("at", now).param("received", received).param("valid", valid)
                .param("invalid", received - valid - late).param("late", late).param("hash", hash));
        return get(id);
    }

    /**
     * The message counters now: those fixed at the close, plus the late messages that came after it (a message after
     * the close is counted, never added to the fixed record).
     */
    public Poll.Counters counters(long id) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        counts.putAll(polls.messageCounts(id));
        int received = counts.values().stream().mapToInt(Integer::intValue).sum();
        int valid = counts.entrySet().stream().filter(e -> e.getKey().valid()).mapToInt(Map.Entry::getValue).sum();
        int late = counts.getOrDefault(Outcome.LATE, 0);
        return new Poll.Counters(received, valid, received - valid - late, late);
    }

    /** SHA-256 (hex) of the vote table: its rows "person;option;bag" in person order, each ending in a newline. */
    public String voteTableHash(long id) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        polls.eachVoteRow(id, row -> sha.update((row + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The result as fixed at the close. */
    public Tally result(long id) {
        Poll p = get(id);
        return Tally.of(p.options(), polls.storedResult(id), polls.storedEligible(id), bagNames(p), p.soumCode(),
                soumName(p));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void confirm(long id, String by) {
        requireStatus(id, PollStatus.CLOSED);
        OffsetDateTime now = Clocks.now();
        polls.set(id, "status = 'CONFIRMED', confirmed_by = :by, confirmed_at = :at",
                s -> s.param("by", by).param("at", now));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void markResultsSent(long id) {
        OffsetDateTime now = Clocks.now();
        polls.set(id, "results_sent_at = COALESCE(results_sent_at, :at)", s -> s.param("at", now));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(long id) {
        OffsetDateTime now = Clocks.now();
        polls.set(id, "status = 'PUBLISHED', published_at = COALESCE(published_at, :at)", s -> s.param("at", now));
    }

    public String soumName(Poll p) {
        return organisations.unit(p.soumCode()).map(OrgUnit::nameMn).orElse(p.soumCode());
    }

    public Map<String, String> bagNames(Poll p) {
        Map<String, String> names = new LinkedHashMap<>();
        p.bags().forEach(b -> names.put(b, organisations.unit(b).map(OrgUnit::nameMn).orElse(b)));
        return names;
    }
}
