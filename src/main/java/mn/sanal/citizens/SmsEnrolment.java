package mn.sanal.citizens;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import mn.sanal.intake.Inbound;
import mn.sanal.intake.InboundKind;
import mn.sanal.intake.IntakeResult;
import mn.sanal.intake.InboundMessage;
import mn.sanal.petitions.Channel;
import mn.sanal.platform.Clocks;

/**
 * {@code БҮРТГЭЛ <регистр>} (also {@code БУРТГЭЛ}, Latin {@code BURTGEL}, any case) by SMS: binds the sender's phone
 * to the person with that register number. The register has the phone for that person: bound (told so). It does
 * not have the phone: the bag governor decides (PhoneEnrolment, a Tasklist task), the citizen is told it waits. A
 * bad register number, one the register does not have, a phone of another person or not a Mongolian mobile: told
 * why, nothing recorded. Every answer is one SMS ({@link EnrolmentTexts}).
 */
@Component
@Order(150)
class SmsEnrolment implements InboundKind {

    private static final Pattern KEYWORD = Pattern.compile("(?iuU)^\\s*(?:бүртгэл|буртгэл|burtgel)(?:\\s+(.*))?$",
            Pattern.DOTALL);

    private final CitizenRegister register;
    private final PhoneEnrolments enrolments;

    SmsEnrolment(CitizenRegister register, PhoneEnrolments enrolments) {
        this.register = register;
        this.enrolments = enrolments;
    }

    @Override
    public Optional<IntakeResult> decide(Inbound in) {
        InboundMessage m = in.message();
        if (m.channel() != Channel.SMS || in.intent() != InboundMessage.Intent.ANY || m.text() == null) {
            return Optional.empty();
        }
        Matcher k = KEYWORD.matcher(m.text());
        if (!k.matches()) {
            return Optional.empty();
        }
        Optional<String> phone = CitizenPhones.normalize(m.sender());
        if (phone.isEmpty()) {
            return rejected(EnrolmentTexts.NOT_MOBILE);
        }
        LocalDate today = Clocks.now().toLocalDate();
        RegisterNumbers.Checked no = RegisterNumbers.check(k.group(1) == null ? "" : k.group(1), today);
        if (!no.valid()) {
            return rejected(EnrolmentTexts.BAD_NUMBER);
        }
        Optional<Citizen> person = register.byRegisterNo(no.registerNo());
        if (person.isEmpty()) {
            return rejected(EnrolmentTexts.NOT_ON_REGISTER);
        }
        return switch (enrolments.request(person.get(), phone.get())) {
            case BOUND -> replied(EnrolmentTexts.BOUND);
            case PENDING -> replied(EnrolmentTexts.PENDING);
            case OTHER_PERSON -> rejected(EnrolmentTexts.OTHER_PERSON);
        };
    }

    private static Optional<IntakeResult> replied(String text) {
        return Optional.of(new IntakeResult.Replied(IntakeResult.Kind.ENROLMENT, null, text, false));
    }

    private static Optional<IntakeResult> rejected(String text) {
        return Optional.of(new IntakeResult.Rejected(IntakeResult.Reason.INVALID, text));
    }
}
