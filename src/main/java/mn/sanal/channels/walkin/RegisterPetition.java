package mn.sanal.channels.walkin;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import mn.sanal.calendar.WorkingDays;
import mn.sanal.intake.IntakeResult;
import mn.sanal.intake.IntakeService;
import mn.sanal.organisations.RegistrationProperties;
import mn.sanal.petitions.Channel;
import mn.sanal.petitions.CitizenNotifier;
import mn.sanal.petitions.NewPetition;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionRegistrationProcess;
import mn.sanal.petitions.PetitionRegistrationProcess.Data;
import mn.sanal.petitions.PetitionRegistrationProcess.Vars;
import mn.sanal.petitions.PetitionService;
import mn.sanal.petitions.PetitionType;
import mn.sanal.petitions.process.Deadlines;
import mn.sanal.platform.Clocks;
import mn.sanal.platform.ProcessVariable;
import mn.sanal.platform.tasks.StringVariables;

/**
 * Task_RegisterPetition: what a registrar typed into the start form "Өргөдөл бүртгэх" becomes a petition through
 * {@link IntakeService#submit}, as from any channel (validation, tracking code, acknowledgement by SMS or mail when
 * the citizen gave a contact), with channel WALK_IN or PHONE, and the receipt for the registrar. Runs in the
 * start-form submission's transaction: a refusal rolls everything back and reaches Tasklist as HTTP 400 with the
 * Mongolian reason (the form stays filled in); someone outside the configured groups gets HTTP 403.
 */
@Component("registerPetition")
class RegisterPetition implements JavaDelegate {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_ADDRESS_LENGTH = 400;
    static final int MAX_EMAIL_LENGTH = 320;
    /** Mongolian numbers: 8 digits, optionally with +976 / 976 in front; spaces and dashes allowed. */
    private static final Pattern MN_PHONE = Pattern.compile("(?:\\+?976)?(\\d{8})");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final IntakeService intake;
    private final PetitionService petitions;
    private final RegistrationProperties registration;
    private final String smsNumber;
    private final WorkingDays calendar;

    RegisterPetition(IntakeService intake, PetitionService petitions, RegistrationProperties registration,
                     @Value("${sanal.sms.source-address:1111}") String smsNumber, WorkingDays calendar) {
        this.calendar = calendar;
        this.intake = intake;
        this.petitions = petitions;
        this.registration = registration;
        this.smsNumber = smsNumber;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String registrar = registrar(execution);
        Set<String> unknown = new TreeSet<>(execution.getVariableNames());
        Vars.FORM_FIELDS.forEach(unknown::remove);
        unknown.remove(Vars.REGISTRAR);
        if (!unknown.isEmpty()) {
            throw refused(unknown, "Маягтад байхгүй талбар ирлээ: " + String.join(", ", unknown) + ".");
        }
        Channel channel = PetitionRegistrationProcess.CHANNELS.stream()
                .filter(c -> c.name().equals(text(execution, Data.CHANNEL))).findFirst()
                .orElseThrow(() -> refused(Vars.CHANNEL, "Өргөдөл хэрхэн ирснийг сонгоно уу."));
        PetitionType type = enumValue(PetitionType.class, text(execution, Data.PETITION_TYPE))
                .orElseThrow(() -> refused(Vars.PETITION_TYPE, "Өргөдлийн төрлийг сонгоно уу."));
        String name = required(execution, Data.CITIZEN_NAME, MAX_NAME_LENGTH, "Иргэний овог, нэр");
        String category = required(execution, Data.CATEGORY, 40, "Ангилал");
        String phone = phone(text(execution, Data.CITIZEN_PHONE));
        String email = email(text(execution, Data.CITIZEN_EMAIL));
        String address = optional(execution, Data.ADDRESS, MAX_ADDRESS_LENGTH, "Хаяг");
        // what an official types travels as a String variable (4,000 characters in Camunda's column); a longer
        // paper petition is summarised and its original kept
        optional(execution, Data.PETITION_TEXT, StringVariables.MAX_LENGTH, "Өргөдлийн агуулга");

        IntakeResult result = intake.submit(new NewPetition(channel, "registration:" + execution.getProcessInstanceId(),
                type, text(execution, Data.PETITION_TEXT), phone, email, null, name, category,
                new NewPetition.Location(text(execution, Data.AIMAG), text(execution, Data.SOUM),
                        text(execution, Data.BAG), address, null, null),
                Clocks.now()));
        if (result instanceof IntakeResult.Rejected r) {
            throw refused(null, r.message());
        }
        Petition p = ((IntakeResult.PetitionAccepted) result).petition();
        petitions.note(p.id(), registrar, channel.labelMn() + " бүртгэсэн");

        execution.removeVariables(Vars.FORM_FIELDS);
        Data.PETITION_ID.set(execution, p.id());
        Data.TRACKING_CODE.set(execution, p.trackingCode());
        Data.DUE_DATE_TEXT.set(execution, dueDate(execution, p)
                .map(Clocks::formatDate).orElse("Хугацаагүй: талархлыг байгууллагад уламжилна"));
        Data.CITIZEN_TOLD.set(execution, told(p));
        Data.STATUS_HELP.set(execution, statusHelp(p));
    }

    /** The authenticated user, if one of the configured groups; the engine's initiator must be that user. */
    private String registrar(DelegateExecution execution) {
        Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String user = auth == null ? null : auth.getUserId();
        if (user == null || !registration.allowsAny(auth.getGroupIds())) {
            throw new AuthorizationException("Та иргэний өргөдөл бүртгэх эрхгүй байна (" + user + ").");
        }
        if (!user.equals(execution.getVariable(Data.REGISTRAR.name()))) {
            throw refused(Vars.REGISTRAR, "Бүртгэж буй албан хаагч өөр хүн байж болохгүй.");
        }
        return user;
    }

    /**
     * The legal due date, as PetitionHandling will set it: the days from PetitionDeadlines.dmn, its one home (a
     * missing value fails the registration with the decision's and the output's names). A thanks has none.
     */
    private Optional<OffsetDateTime> dueDate(DelegateExecution execution, Petition p) {
        if (!p.type().hasDeadline()) {
            return Optional.empty();
        }
        Deadlines d = Deadlines.evaluate(execution.getProcessEngineServices().getDecisionService(), p.type());
        return Optional.of(d.dueDate(p.receivedAt(), calendar));
    }

    private static String told(Petition p) {
        return CitizenNotifier.replyAddress(p).map(a -> a.channel() == Channel.SMS
                        ? "Код, хугацааг " + a.recipient() + " дугаарт SMS-ээр илгээнэ."
                        : "Код, хугацааг " + a.recipient() + " хаягт имэйлээр илгээнэ.")
                .orElse("Иргэн утас, имэйл өгөөгүй тул мэдэгдэл илгээгдэхгүй. Кодыг иргэнд заавал бичиж өгнө үү. "
                        + "Хариуг иргэн биечлэн ирж авна.");
    }

    private String statusHelp(Petition p) {
        String web = "Вэбээр кодоор нь шалгана (Open311: /open311/v2/requests/" + p.trackingCode() + ".json).";
        return p.contactPhone() == null ? web
                : "Бүртгэсэн утаснаасаа " + smsNumber + " дугаарт «ШАЛГАХ " + p.trackingCode()
                        + "» гэж SMS илгээнэ. Хариуг SMS-ээр авч, 1-5 оноогоор үнэлнэ. " + web;
    }

    private static String phone(String typed) {
        if (typed == null) {
            return null;
        }
        Matcher m = MN_PHONE.matcher(typed.replaceAll("[\\s-]", ""));
        if (!m.matches()) {
            throw refused(Vars.CITIZEN_PHONE, "Утасны дугаар буруу: 8 оронтой дугаар бичнэ үү, жишээ нь 99112233.");
        }
        return "976" + m.group(1);
    }

    private static String email(String typed) {
        if (typed == null) {
            return null;
        }
        if (typed.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(typed).matches()) {
            throw refused(Vars.CITIZEN_EMAIL, "Имэйл хаяг буруу байна.");
        }
        return typed;
    }

    private static String required(DelegateExecution execution, ProcessVariable<String> variable, int maxLength,
                                   String label) {
        String v = optional(execution, variable, maxLength, label);
        if (v == null) {
            throw refused(variable.name(), label + " бичнэ үү.");
        }
        return v;
    }

    private static String optional(DelegateExecution execution, ProcessVariable<String> variable, int maxLength,
                                   String label) {
        String v = text(execution, variable);
        if (v != null && v.length() > maxLength) {
            throw refused(variable.name(), label + " " + maxLength + " тэмдэгтээс урт байна.");
        }
        return v;
    }

    /** A submitted text, stripped; null when absent or blank (an untouched field submits "" or null). */
    private static String text(DelegateExecution execution, ProcessVariable<String> variable) {
        String v;
        try {
            v = variable.orNull(execution);
        } catch (IllegalStateException notText) {
            throw refused(variable.name(), "«" + variable.name() + "» талбарт текст оруулна уу.");
        }
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String name) {
        try {
            return name == null ? Optional.empty() : Optional.of(Enum.valueOf(type, name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Camunda's REST API answers this one, on a start form, with HTTP 400 and the message. */
    private static FormFieldValidationException refused(Object field, String message) {
        return new FormFieldValidationException(field, message);
    }
}
