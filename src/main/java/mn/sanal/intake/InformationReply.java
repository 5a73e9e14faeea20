package mn.sanal.intake;

import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import mn.sanal.intake.IntakeResult.Kind;
import mn.sanal.intake.IntakeResult.Reason;
import mn.sanal.intake.IntakeResult.Recorded;
import mn.sanal.intake.IntakeResult.Rejected;
import mn.sanal.intake.InboundMessage.Intent;
import mn.sanal.petitions.CitizenNotifier;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionService;
import mn.sanal.petitions.PetitionStatus;

/**
 * The information an official asked the citizen for: a message naming the waiting case, or, naming none and without
 * a type word, from the contact of a case that waits for information (a bare SMS reply). It goes into the case's
 * history and back to the waiting process; the citizen is told it arrived.
 */
@Component
@Order(400)
class InformationReply implements InboundKind {

    private final PetitionService petitions;
    private final ProcessGateway processes;
    private final CitizenNotifier notifier;

    InformationReply(PetitionService petitions, ProcessGateway processes, CitizenNotifier notifier) {
        this.petitions = petitions;
        this.processes = processes;
        this.notifier = notifier;
    }

    @Override
    public Optional<IntakeResult> decide(Inbound in) {
        if (in.intent() == Intent.INFORMATION) {
            return Optional.of(explicit(in));
        }
        if (in.intent() != Intent.ANY) {
            return Optional.empty();
        }
        Optional<Petition> own = in.ownCase();
        if (own.isPresent()) {
            return own.filter(this::awaitsInformation).map(p -> provide(in, p));
        }
        Command c = in.command();
        boolean untyped = c instanceof Command.Text t && !t.typeGiven() || c instanceof Command.Rating
                || c instanceof Command.Empty;
        if (!untyped) {
            return Optional.empty();
        }
        return in.latest(PetitionStatus.WAITING_FOR_CITIZEN).filter(this::awaitsInformation).map(p -> provide(in, p));
    }

    private IntakeResult explicit(Inbound in) {
        if (in.message().text() == null || in.message().text().isBlank()) {
            return new Rejected(Reason.INVALID, IntakeReplies.INFORMATION_EMPTY);
        }
        Optional<Petition> p = in.ownCase();
        if (p.isEmpty()) {
            return new Rejected(Reason.UNKNOWN_PETITION, IntakeReplies.statusNotFound(in.message().addressedTo()));
        }
        return awaitsInformation(p.get()) ? provide(in, p.get())
                : new Rejected(Reason.NOT_AWAITING_INFORMATION, IntakeReplies.notAwaitingInformation(p.get()));
    }

    private boolean awaitsInformation(Petition p) {
        return p.status() == PetitionStatus.WAITING_FOR_CITIZEN && processes.awaitsInformation(p);
    }

    private IntakeResult provide(Inbound in, Petition p) {
        String words = in.words();
        if (words.length() > IntakeService.MAX_TEXT_LENGTH) {
            return new Rejected(Reason.INVALID, IntakeReplies.tooLong());
        }
        // the text lives in the case history only; the process learns that the citizen answered
        petitions.recordCitizenInformation(p.id(), words);
        processes.deliverInformation(p);
        Petition now = petitions.get(p.id());
        notifier.tell(now, "INFORMATION_RECEIVED", in.occasion(), IntakeReplies.informationReceived(now));
        return new Recorded(Kind.INFORMATION, now, false);
    }
}
