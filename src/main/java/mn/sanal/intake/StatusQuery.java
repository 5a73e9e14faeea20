package mn.sanal.intake;

import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import mn.sanal.intake.IntakeResult.Kind;
import mn.sanal.intake.IntakeResult.Reason;
import mn.sanal.intake.IntakeResult.Rejected;
import mn.sanal.intake.IntakeResult.Replied;
import mn.sanal.intake.InboundMessage.Intent;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionService;

/**
 * ШАЛГАХ / STATUS &lt;код&gt; (in an SMS, a mail's subject or text, a web reply): the case's status and due date, told
 * only to the case's own contact (or, on the web, to whoever holds its code). Any other asker learns nothing, not even
 * whether the code exists.
 */
@Component
@Order(200)
class StatusQuery implements InboundKind {

    private final PetitionService petitions;

    StatusQuery(PetitionService petitions) {
        this.petitions = petitions;
    }

    @Override
    public Optional<IntakeResult> decide(Inbound in) {
        if (in.intent() != Intent.ANY || !(in.command() instanceof Command.Status s)) {
            return Optional.empty();
        }
        Optional<String> code = s.code().or(() -> s.typed().isBlank()
                ? Optional.ofNullable(in.message().addressedTo()) : Optional.empty());
        if (code.isEmpty()) {
            return Optional.of(new Rejected(Reason.INVALID, s.typed().isBlank() ? IntakeReplies.STATUS_NO_CODE
                    : IntakeReplies.STATUS_BAD_CODE));
        }
        Optional<Petition> p = petitions.findByTrackingCode(code.get()).filter(x -> in.fromContactOf(x)
                || x.trackingCode().equals(in.message().addressedTo()));
        return Optional.of(p.<IntakeResult>map(x -> new Replied(Kind.STATUS, x, IntakeReplies.status(x), false))
                .orElseGet(() -> new Rejected(Reason.UNKNOWN_PETITION, IntakeReplies.statusNotFound(code.get()))));
    }
}
