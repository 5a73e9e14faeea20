package mn.sanal.polls;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A poll as the Khural approved it: the question and its options (numbered 1..n), the audience (bags of one soum),
 * the voting window, who may vote (registered residents of the audience, {@code minAge} or older on the closing day)
 * and whether a later vote replaces an earlier one. {@code code} is what voters put before their answer ({@code С12
 * 2}).
 */
public record Poll(long id, String code, String soumCode, String question, List<String> options, List<String> bags,
                   OffsetDateTime opensAt, OffsetDateTime closesAt, int minAge, ReplacePolicy replacePolicy,
                   boolean remind, PollStatus status, String createdBy, String returnedReason, String approvedBy,
                   OffsetDateTime approvedAt, OffsetDateTime closedAt, Counters counters, String voteTableSha256,
                   String confirmedBy, OffsetDateTime confirmedAt, OffsetDateTime publishedAt) {

    /** Messages that named this poll's code: all, those that made or changed a vote, those refused, those too late. */
    public record Counters(int received, int valid, int invalid, int late) {
    }

    /** Whether a later vote of the same person replaces the earlier one (policy; default: the first one counts). */
    public enum ReplacePolicy {
        FIRST_COUNTS, LAST_COUNTS
    }

    /** 1-based option number in range. */
    public boolean hasOption(int n) {
        return n >= 1 && n <= options.size();
    }

    /** Whether voters' messages are taken: the announcement went out and the time is within the window. */
    public boolean acceptsAt(OffsetDateTime t) {
        return (status == PollStatus.APPROVED || status == PollStatus.OPEN) && !t.isBefore(opensAt)
                && t.isBefore(closesAt);
    }
}
