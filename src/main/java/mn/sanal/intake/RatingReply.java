package mn.sanal.intake;

import java.util.Optional;
import java.util.OptionalInt;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import mn.sanal.intake.IntakeResult.Kind;
import mn.sanal.intake.IntakeResult.Reason;
import mn.sanal.intake.IntakeResult.Recorded;
import mn.sanal.intake.IntakeResult.Rejected;
import mn.sanal.intake.InboundMessage.Intent;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionService;
import mn.sanal.petitions.PetitionStatus;

/**
 * A 1-5 rating of the answer. A message that names its case (a mail answering ours, a code) rates that case when it
 * starts with the rating ("5", "4/5", "3. Дунд зэрэг"); a bare 1-5 that names none rates the sender's case that
 * awaits a rating, else is the information a case asked for (next kind), else is told that nothing awaits a rating.
 * The process thanks the citizen.
 */
@Component
@Order(300)
class RatingReply implements InboundKind {

    private final PetitionService petitions;
    private final ProcessGateway processes;

    RatingReply(PetitionService petitions, ProcessGateway processes) {
        this.petitions = petitions;
        this.processes = processes;
    }

    @Override
    public Optional<IntakeResult> decide(Inbound in) {
        if (in.intent() == Intent.RATING) {
            return Optional.of(explicit(in));
        }
        if (in.intent() != Intent.ANY) {
            return Optional.empty();
        }
        boolean bare = in.command() instanceof Command.Rating;
        Optional<Petition> own = in.ownCase();
        if (own.isPresent()) {
            Petition p = own.get();
            OptionalInt value = bare ? OptionalInt.of(((Command.Rating) in.command()).value())
                    : Command.leadingRating(in.message().text());
            if (value.isPresent() && awaitsRating(p)) {
                return Optional.of(rate(p, value.getAsInt()));
            }
            if (bare && p.status() != PetitionStatus.WAITING_FOR_CITIZEN) {
                return Optional.of(new Rejected(Reason.NOT_AWAITING_RATING, IntakeReplies.notAwaitingRating(p)));
            }
            return Optional.empty();
        }
        if (!bare) {
            return Optional.empty();
        }
        Optional<Petition> rated = in.latest(PetitionStatus.ANSWERED).filter(this::awaitsRating);
        if (rated.isPresent()) {
            return Optional.of(rate(rated.get(), ((Command.Rating) in.command()).value()));
        }
        if (in.latest(PetitionStatus.WAITING_FOR_CITIZEN).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Rejected(Reason.NOT_AWAITING_RATING, IntakeReplies.NO_RATING_AWAITED));
    }

    /** The web's rating endpoint: the case is the one in the request, the value must be 1-5. */
    private IntakeResult explicit(Inbound in) {
        int value;
        try {
            value = Integer.parseInt(in.message().text() == null ? "" : in.message().text().strip());
        } catch (NumberFormatException e) {
            value = 0;
        }
        if (value < 1 || value > 5) {
            return new Rejected(Reason.INVALID, IntakeReplies.RATING_RANGE);
        }
        Optional<Petition> p = in.ownCase();
        if (p.isEmpty()) {
            return new Rejected(Reason.UNKNOWN_PETITION, IntakeReplies.statusNotFound(in.message().addressedTo()));
        }
        return awaitsRating(p.get()) ? rate(p.get(), value)
                : new Rejected(Reason.NOT_AWAITING_RATING, IntakeReplies.notAwaitingRating(p.get()));
    }

    private boolean awaitsRating(Petition p) {
        return p.status() == PetitionStatus.ANSWERED && processes.awaitsRating(p);
    }

    private IntakeResult rate(Petition p, int value) {
        processes.deliverRating(p, value);
        return new Recorded(Kind.RATING, petitions.get(p.id()), false);
    }
}
