package mn.sanal.ldf;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import mn.sanal.citizens.CitizenRegister;
import mn.sanal.intake.Inbound;
import mn.sanal.intake.InboundKind;
import mn.sanal.intake.InboundMessage;
import mn.sanal.intake.InboundMessage.Intent;
import mn.sanal.intake.IntakeResult;
import mn.sanal.intake.IntakeResult.Kind;
import mn.sanal.intake.IntakeResult.Reason;
import mn.sanal.intake.IntakeResult.Rejected;
import mn.sanal.intake.IntakeResult.Replied;
import mn.sanal.ldf.Ldf.Cycle;
import mn.sanal.ldf.Ldf.ProposalChannel;
import mn.sanal.organisations.Place;
import mn.sanal.organisations.PlaceResolver;
import mn.sanal.petitions.Channel;
import mn.sanal.platform.Clocks;

/**
 * Proposals to the Local Development Fund through the one intake: {@code ОНХС <санал>} or {@code ONKHS <text>} by SMS
 * or mail (the keyword first in the text, or as the mail's subject), and the web's Open311 service
 * {@value #SERVICE_CODE}. The proposal goes to the bag it names (the text, the web form's place, else for an SMS the
 * sender's bag in the citizen register) in the soum's
 * current cycle, and the author gets its number. During the comment period {@code ОНХС <дугаар> <санал>} is a comment
 * on that proposal. Outside the collection window the answer is that it is closed. Every answer is one SMS.
 */
@Component
@Order(120)
public class LdfProposals implements InboundKind {

    /** The Open311 service code of a proposal (services.json lists it). */
    public static final String SERVICE_CODE = "LDF_PROPOSAL";
    /** The keyword alone, then the proposal; "ОНХС-ийн ..." (a petition about the fund) is not one. */
    private static final Pattern KEYWORD = Pattern.compile("^\\s*(?:ОНХС|ONKHS|ONHS)(?![\\p{L}\\p{N}-])[\\s:.,]*(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    private static final Pattern VOTE = Pattern.compile("^№?\\s*(\\d{1,9})\\s+([1-5])(?:\\s*/\\s*5)?\\s*$");
    /** A number, then words; "2-р баг", "2 баг" name a bag, not a proposal. */
    private static final Pattern COMMENT = Pattern.compile(
            "^№?\\s*(\\d{1,9})(?:\\s+|\\s*[:.]\\s*)(?!(?:р\\s+)?(?:баг|bag)(?![\\p{L}]))(\\S.*)$",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final LdfService service;
    private final PlaceResolver places;
    private final CitizenRegister register;
    private final IdentityService identity;

    LdfProposals(LdfService service, PlaceResolver places, CitizenRegister register, IdentityService identity) {
        this.service = service;
        this.places = places;
        this.register = register;
        this.identity = identity;
    }

    @Override
    public Optional<IntakeResult> decide(Inbound in) {
        InboundMessage m = in.message();
        String body;
        Place place;
        ProposalChannel channel;
        if (m.intent() == Intent.PETITION && SERVICE_CODE.equals(m.details().category())) {
            body = m.text() == null ? "" : m.text().strip();
            var loc = m.details().location();
            place = loc == null ? Place.UNKNOWN : new Place(loc.aimagCode(), loc.soumCode(), loc.bagCode());
            if (place.bagCode() == null) {
                Place fromText = places.fromAddress(body);
                place = fromText.soumCode() != null && (place.soumCode() == null
                        || place.soumCode().equals(fromText.soumCode())) ? fromText : place;
            }
            channel = m.channel() == Channel.WALK_IN ? ProposalChannel.BAG_GOVERNOR : ProposalChannel.WEB;
        } else if (m.intent() == Intent.ANY && (m.channel() == Channel.SMS || m.channel() == Channel.EMAIL)) {
            Optional<String> b = keyword(m.text()).or(() -> keyword(m.subject())
                    .map(rest -> rest.isBlank() && m.text() != null ? m.text().strip() : rest));
            if (b.isEmpty()) {
                return Optional.empty();
            }
            body = b.get();
            Optional<IntakeResult> comment = comment(m, body);
            if (comment.isPresent()) {
                return comment;
            }
            place = places.fromAddress(body);
            if (place.bagCode() == null && m.channel() == Channel.SMS) {
                // the sender's bag in the citizen register, unless the text names another soum
                Place text = place;
                place = register.personOfPhone(m.sender())
                        .filter(c -> c.bagCode() != null && (text.soumCode() == null || text.soumCode().equals(c.soumCode())))
                        .map(c -> new Place(c.aimagCode(), c.soumCode(), c.bagCode())).orElse(place);
            }
            channel = m.channel() == Channel.SMS ? ProposalChannel.SMS : ProposalChannel.EMAIL;
        } else {
            return Optional.empty();
        }
        if (body.isBlank()) {
            return Optional.of(new Rejected(Reason.INVALID, LdfTexts.EMPTY));
        }
        if (body.length() > LdfService.MAX_PROPOSAL_LENGTH) {
            return Optional.of(new Rejected(Reason.INVALID, LdfTexts.TOO_LONG));
        }
        if (place.soumCode() == null) {
            return Optional.of(new Rejected(Reason.INVALID, LdfTexts.NO_PLACE));
        }
        Optional<Cycle> cycle = service.currentCycle(place.soumCode());
        if (cycle.isEmpty()) {
            return Optional.of(new Rejected(Reason.INVALID, LdfTexts.NO_CYCLE));
        }
        if (!LdfService.collecting(cycle.get(), Clocks.now())) {
            return Optional.of(new Replied(Kind.LDF_CLOSED, null, LdfTexts.CLOSED, false));
        }
        if (place.bagCode() == null) {
            return Optional.of(new Rejected(Reason.INVALID, LdfTexts.NO_PLACE));
        }
        String phone = channel == ProposalChannel.SMS ? m.sender() : m.details().contactPhone();
        String email = channel == ProposalChannel.EMAIL ? m.sender() : m.details().contactEmail();
        // a proposal the bag Governor enters (officials' API) is theirs to answer for
        String enteredBy = channel == ProposalChannel.BAG_GOVERNOR && identity.getCurrentAuthentication() != null
                ? identity.getCurrentAuthentication().getUserId() : null;
        long number = service.propose(cycle.get(), place.bagCode(), body, m.details().citizenName(), phone,
                email == null ? null : email.toLowerCase(Locale.ROOT), channel, enteredBy);
        return Optional.of(new Replied(Kind.LDF_PROPOSAL, null, LdfTexts.received(number), false));
    }

    /**
     * {@code ОНХС 12 5}: a resident's verdict on project 12 (its proposal's number) while the verdict is asked, by SMS,
     * one per phone; {@code ОНХС 12 <words>}: a comment on proposal 12 while its list is open for comments.
     */
    private Optional<IntakeResult> comment(InboundMessage m, String body) {
        Matcher v = VOTE.matcher(body);
        if (v.matches() && m.channel() == Channel.SMS) {
            long number = Long.parseLong(v.group(1));
            Optional<IntakeResult> vote = service.projectByProposal(number)
                    .filter(p -> p.status() == Ldf.ProjectStatus.VERDICT)
                    .map(p -> new Replied(Kind.LDF_VOTE, null, service.vote(p.id(), m.sender(),
                            Integer.parseInt(v.group(2))) ? LdfTexts.voted(number) : LdfTexts.votedBefore(number),
                            false));
            if (vote.isPresent()) {
                return vote;
            }
        }
        Matcher c = COMMENT.matcher(body);
        if (!c.matches()) {
            return Optional.empty();
        }
        return service.openForComments(Long.parseLong(c.group(1))).map(p -> {
            String words = c.group(2).strip();
            if (words.length() > LdfService.MAX_PROPOSAL_LENGTH) {
                return new Rejected(Reason.INVALID, LdfTexts.TOO_LONG);
            }
            service.comment(p, words, m.channel().name(), m.channel() == Channel.SMS ? m.sender() : null,
                    m.channel() == Channel.EMAIL ? m.sender() : null);
            return new Replied(Kind.LDF_COMMENT, null, LdfTexts.commentReceived(p.id()), false);
        });
    }

    static Optional<String> keyword(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher k = KEYWORD.matcher(text);
        return k.matches() ? Optional.of(k.group(1).strip()) : Optional.empty();
    }
}
