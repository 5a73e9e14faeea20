package mn.sanal.intake;

import mn.sanal.petitions.Petition;

/** What became of an inbound message; the channel turns it into its own reply. */
public sealed interface IntakeResult {

    /** The message was taken: a new petition, or (duplicate = true) one we already had from the same message. */
    record PetitionAccepted(Petition petition, boolean duplicate) implements IntakeResult {
    }

    /** A rating or a reply to a question was recorded on the petition. */
    record Recorded(Petition petition, boolean duplicate) implements IntakeResult {
    }

    /** Nothing was recorded; {@code reason} says why in words a citizen understands (Mongolian). */
    record Rejected(Reason reason, String message) implements IntakeResult {
    }

    /** KEY_REUSED: the client's id for the message was used before for other content; nothing was recorded. */
    enum Reason {
        INVALID, UNKNOWN_PETITION, NOT_AWAITING_RATING, NOT_AWAITING_INFORMATION, KEY_REUSED
    }
}
