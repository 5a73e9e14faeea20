package mn.sanal.intake;

import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import mn.sanal.intake.IntakeResult.Kind;
import mn.sanal.intake.IntakeResult.Reason;
import mn.sanal.intake.IntakeResult.Rejected;
import mn.sanal.intake.IntakeResult.Replied;
import mn.sanal.intake.InboundMessage.Intent;
import mn.sanal.petitions.Channel;
import mn.sanal.petitions.Petition;

/**
 * ТУСЛАМЖ / HELP, ЗОГС / STOP, ЭХЛЭХ / START, and what cannot be anything: an empty message, a type word without
 * text. Opting out is per address: the SMS sender's number, the mail sender's address; a web reply to a case opts out
 * that case's own phone and mail address (the code in the request is the web's proof, as for rating).
 */
@Component
@Order(100)
class KeywordRequests implements InboundKind {

    private final OptOuts optOuts;

    KeywordRequests(OptOuts optOuts) {
        this.optOuts = optOuts;
    }

    @Override
    public Optional<IntakeResult> decide(Inbound in) {
        if (in.intent() != Intent.ANY) {
            return Optional.empty();
        }
        Command c = in.command();
        boolean files = in.message().hasFiles();
        if (c instanceof Command.Empty && !files) {
            return Optional.of(new Rejected(Reason.INVALID, IntakeReplies.EMPTY));
        }
        if (c instanceof Command.Text t && t.text().isBlank() && t.typeGiven() && !files) {
            return Optional.of(new Rejected(Reason.INVALID, IntakeReplies.TYPE_WITHOUT_TEXT));
        }
        if (c instanceof Command.Help) {
            return Optional.of(new Replied(Kind.HELP, null, IntakeReplies.HELP, false));
        }
        if (c instanceof Command.Stop || c instanceof Command.Start) {
            boolean out = c instanceof Command.Stop;
            optOut(in, out);
            return Optional.of(new Replied(out ? Kind.OPT_OUT : Kind.OPT_IN, in.ownCase().orElse(null),
                    out ? IntakeReplies.STOPPED : IntakeReplies.STARTED, false));
        }
        return Optional.empty();
    }

    private void optOut(Inbound in, boolean out) {
        InboundMessage m = in.message();
        if ((m.channel() == Channel.SMS || m.channel() == Channel.EMAIL) && m.sender() != null) {
            optOuts.set(m.channel(), m.sender(), out);
            return;
        }
        if (m.addressedTo() != null) {
            Optional<Petition> p = in.ownCase();
            p.map(Petition::contactPhone).ifPresent(phone -> optOuts.set(Channel.SMS, phone, out));
            p.map(Petition::contactEmail).ifPresent(mail -> optOuts.set(Channel.EMAIL, mail, out));
        }
    }
}
