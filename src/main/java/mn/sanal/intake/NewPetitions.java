package mn.sanal.intake;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import mn.sanal.intake.IntakeResult.PetitionAccepted;
import mn.sanal.intake.IntakeResult.Reason;
import mn.sanal.intake.IntakeResult.Rejected;
import mn.sanal.intake.InboundMessage.Details;
import mn.sanal.intake.InboundMessage.Intent;
import mn.sanal.organisations.Place;
import mn.sanal.organisations.PlaceResolver;
import mn.sanal.petitions.Channel;
import mn.sanal.petitions.NewPetition;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionService;
import mn.sanal.petitions.PetitionType;

/**
 * Whatever no other kind took is a new petition: checked, placed, stored and its process started. A new petition
 * that follows a closed case (the citizen wrote again about it) links to that case and keeps its contact, place and
 * category, so it reaches the same body.
 */
@Component
@Order(1000)
class NewPetitions implements InboundKind {

    private static final Logger log = LoggerFactory.getLogger(NewPetitions.class);

    private final PetitionService petitions;
    private final ProcessGateway processes;
    private final PlaceResolver places;

    NewPetitions(PetitionService petitions, ProcessGateway processes, PlaceResolver places) {
        this.petitions = petitions;
        this.processes = processes;
        this.places = places;
    }

    @Override
    public Optional<IntakeResult> decide(Inbound in) {
        return in.intent() == Intent.ANY || in.intent() == Intent.PETITION ? Optional.of(start(in, null))
                : Optional.empty();
    }

    /** A new petition from the message; {@code follows} is the closed case it continues, or null. */
    IntakeResult start(Inbound in, Petition follows) {
        NewPetition p = petition(in, follows);
        Optional<String> invalid = validate(p);
        if (invalid.isPresent()) {
            return new Rejected(Reason.INVALID, invalid.get());
        }
        Petition created = petitions.create(withValidPlace(p), follows);
        petitions.linkProcessInstance(created.id(), processes.startPetition(created));
        log.info("Petition {} received by {}{}", created.trackingCode(), p.channel(),
                follows == null ? "" : ", following " + follows.trackingCode());
        return new PetitionAccepted(petitions.get(created.id()), false);
    }

    private static NewPetition petition(Inbound in, Petition follows) {
        InboundMessage m = in.message();
        Details d = m.details();
        String text = m.text();
        PetitionType type = d.type();
        if (in.intent() == Intent.ANY) {
            text = in.command() instanceof Command.Text t ? t.text() : "";
            if (text.isBlank() && m.hasFiles()) {
                text = IntakeReplies.FILES_ONLY;
            }
            if (type == null && in.command() instanceof Command.Text t && t.typeGiven()) {
                type = t.type();
            }
        }
        String phone = first(d.contactPhone(), m.channel() == Channel.SMS ? m.sender() : null);
        String email = first(d.contactEmail(), m.channel() == Channel.EMAIL ? m.sender() : null);
        String fax = d.contactFax();
        String name = d.citizenName();
        String category = d.category();
        NewPetition.Location location = d.location();
        if (follows != null) {
            if (phone == null && email == null && fax == null) {
                phone = follows.contactPhone();
                email = follows.contactEmail();
                fax = follows.contactFax();
            }
            name = first(name, follows.citizenName());
            category = first(category, follows.category());
            type = type == null ? follows.type() : type;
            if (location == null || location.soumCode() == null) {
                location = new NewPetition.Location(follows.aimagCode(), follows.soumCode(), follows.bagCode(),
                        follows.addressText(), follows.latitude(), follows.longitude());
            }
        }
        return new NewPetition(m.channel(), m.messageId(), type == null ? PetitionType.REQUEST : type, text, phone,
                email, fax, name, category, location, m.receivedAt());
    }

    private Optional<String> validate(NewPetition p) {
        if (!p.channel().needsTranscription() && (p.text() == null || p.text().isBlank())) {
            return Optional.of("Өргөдлийн агуулга хоосон байна.");
        }
        if (p.text() != null && p.text().length() > IntakeService.MAX_TEXT_LENGTH) {
            return Optional.of("Өргөдөл хэт урт байна (" + IntakeService.MAX_TEXT_LENGTH + " тэмдэгтээс ихгүй).");
        }
        if (p.type() == null) {
            return Optional.of("Өргөдлийн төрөл тодорхойгүй байна.");
        }
        boolean inPerson = p.channel() == Channel.WALK_IN || p.channel() == Channel.PHONE;
        if (!inPerson && p.contactPhone() == null && p.contactEmail() == null && p.contactFax() == null) {
            return Optional.of("Хариу өгөх утас эсвэл имэйл хаяг шаардлагатай.");
        }
        if (p.category() != null && petitions.category(p.category()).isEmpty()) {
            return Optional.of("Ангилал '" + p.category() + "' байхгүй байна.");
        }
        NewPetition.Location l = p.location();
        if (l != null && places.validate(l.aimagCode(), l.soumCode(), l.bagCode()).isEmpty()) {
            return Optional.of("Байршил буруу: аймаг, сум, баг хоорондоо таарахгүй байна.");
        }
        return Optional.empty();
    }

    /**
     * The place the channel gave, checked; where it gave none (an SMS, a mail), the place the text names if it names a
     * soum ("Сүмбэр сумын 3-р багт..."), so the petition reaches that soum rather than the national clerks.
     */
    private NewPetition withValidPlace(NewPetition p) {
        NewPetition.Location l = p.location() == null ? NewPetition.Location.UNKNOWN : p.location();
        Place place = places.validate(l.aimagCode(), l.soumCode(), l.bagCode()).orElse(Place.UNKNOWN);
        if (!place.isKnown() && p.text() != null) {
            Place named = places.fromAddress(p.text());
            if (named.soumCode() != null) {
                place = named;
            }
        }
        return new NewPetition(p.channel(), p.channelMessageId(), p.type(), p.text(), p.contactPhone(),
                p.contactEmail(), p.contactFax(), p.citizenName(), p.category(),
                new NewPetition.Location(place.aimagCode(), place.soumCode(), place.bagCode(), l.addressText(),
                        l.latitude(), l.longitude()),
                p.receivedAt());
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
