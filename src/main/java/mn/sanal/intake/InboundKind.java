package mn.sanal.intake;

import java.util.Optional;

/**
 * One kind of inbound message. {@link IntakeService#receive} asks the kinds in their order ({@code @Order}, lowest
 * first) inside its one transaction; the first that takes the message decides what it is and does what it causes in
 * that transaction. A kind must not write anything before it knows the message is its own, and must return
 * {@link IntakeResult.Rejected} only before writing anything. A new kind of message (a poll vote, an LDF proposal)
 * is one more bean, not one more door.
 */
public interface InboundKind {

    /** Empty when the message is not of this kind. */
    Optional<IntakeResult> decide(Inbound in);
}
