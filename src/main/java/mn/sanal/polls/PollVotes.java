package mn.sanal.polls;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import mn.sanal.intake.Inbound;
import mn.sanal.intake.InboundKind;
import mn.sanal.intake.InboundMessage.Intent;
import mn.sanal.intake.IntakeResult;
import mn.sanal.intake.IntakeResult.Kind;
import mn.sanal.petitions.Channel;
import mn.sanal.platform.Clocks;

/**
 * An SMS that opens with a poll's code ({@code С12 2}): a vote, taken in intake's one transaction (the vote row, the
 * poll's message count, the ledger key and the reply commit together). Order 250: after keywords (100) and status
 * (200), before ratings (300). A bare digit is not a vote (no code): it stays a rating or what else it was, so a
 * phone with a poll open and a petition awaiting its 1-5 rating gets both right; the announcement says to send the
 * code and the number. A message with the code of no announced poll is not this kind.
 * <p>
 * Every outcome is recorded, refusals included (the ledger keeps its key, so a redelivered refusal is neither counted
 * nor answered twice), and answered to the sender.
 */
@Component
@Order(250)
class PollVotes implements InboundKind {

    private final PollService polls;

    PollVotes(PollService polls) {
        this.polls = polls;
    }

    @Override
    public Optional<IntakeResult> decide(Inbound in) {
        if (in.intent() != Intent.ANY || in.message().channel() != Channel.SMS) {
            return Optional.empty();
        }
        return PollCodes.parse(in.message().text()).flatMap(ballot -> {
            OffsetDateTime at = in.message().receivedAt() == null ? Clocks.now() : in.message().receivedAt();
            return polls.vote(ballot, in.message().sender(), in.message().channel().name(), in.message().messageId(),
                    at);
        }).map(o -> new IntakeResult.Replied(Kind.POLL_VOTE, null, o.reply(), false));
    }
}
