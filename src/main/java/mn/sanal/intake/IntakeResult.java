package mn.sanal.intake;

import mn.sanal.petitions.Petition;

/**
 * What became of an inbound message. Intake has already answered the sender where the channel carries answers (SMS,
 * mail) and recorded what the message caused; a channel that answers in its own protocol (the web) turns this into
 * its response.
 */
public sealed interface IntakeResult {

    /** The kinds of message intake tells apart; a new kind (a poll vote, an LDF proposal) is one more value. */
    enum Kind {
        PETITION, RATING, INFORMATION, FOLLOW_UP, STATUS, OPT_OUT, OPT_IN, HELP,
        /** A message naming a poll's code (polls.PollVotes): a vote, or a refusal the poll counts. */
        POLL_VOTE,
        /** БҮРТГЭЛ &lt;регистр&gt;: a phone bound to a person on the register, or waiting for the bag governor. */
        ENROLMENT,
        /**
         * Local Development Fund (mn.sanal.ldf): a proposal, a comment on one, a proposal after the window, a
         * resident's 1-5 verdict on a finished project.
         */
        LDF_PROPOSAL, LDF_COMMENT, LDF_CLOSED, LDF_VOTE
    }

    /**
     * The message was taken as a new petition, or (duplicate = true) it is one we already took. A follow-up to a
     * closed case is a new petition too, linked to the old one.
     */
    record PetitionAccepted(Petition petition, boolean duplicate) implements IntakeResult {
    }

    /** Recorded on an existing case: a rating, the information the case asked for, or a follow-up. */
    record Recorded(Kind kind, Petition petition, boolean duplicate) implements IntakeResult {
    }

    /**
     * A request intake answered: a status query (about {@code petition}), help, opting out of or back into
     * broadcasts. {@code reply} is what the sender was told; null on a duplicate (told the first time).
     */
    record Replied(Kind kind, Petition petition, String reply, boolean duplicate) implements IntakeResult {
    }

    /**
     * Nothing was recorded; {@code message} says why in words a citizen understands (Mongolian), and the sender was
     * told so where the channel carries answers.
     */
    record Rejected(Reason reason, String message) implements IntakeResult {
    }

    /** KEY_REUSED: the client's id for the message was used before for other content; nothing was recorded. */
    enum Reason {
        INVALID, UNKNOWN_PETITION, NOT_AWAITING_RATING, NOT_AWAITING_INFORMATION, KEY_REUSED
    }
}
