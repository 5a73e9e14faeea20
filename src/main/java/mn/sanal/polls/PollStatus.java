package mn.sanal.polls;

/**
 * Where a poll is: drafted by the Khural secretary, returned by the chair (with a reason) or withdrawn, approved and
 * announced, open for votes, closed (tallied, hashed), confirmed by the Khural, published.
 */
public enum PollStatus {
    DRAFT, RETURNED, WITHDRAWN, APPROVED, OPEN, CLOSED, CONFIRMED, PUBLISHED;

    /** Voters know of the poll: its code answers (a draft's code is nobody's business yet). */
    public boolean announced() {
        return this == APPROVED || this == OPEN || this == CLOSED || this == CONFIRMED || this == PUBLISHED;
    }
}
