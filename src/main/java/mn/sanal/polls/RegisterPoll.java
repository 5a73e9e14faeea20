package mn.sanal.polls;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import mn.sanal.organisations.Body;
import mn.sanal.organisations.OrgUnit;
import mn.sanal.organisations.OrganisationService;
import mn.sanal.platform.Clocks;
import mn.sanal.platform.ProcessVariable;
import mn.sanal.polls.Poll.ReplacePolicy;
import mn.sanal.polls.SmsPollProcess.Data;
import mn.sanal.polls.SmsPollProcess.Vars;

/**
 * Task_RegisterPoll: what the Khural secretary wrote (start form, or the revise form after a return) becomes the
 * poll's draft, checked; the chair who approves and the Khural group who reviews are the soum's Khural's. Only a
 * member of that Khural may draft its polls. Runs in the form submission's transaction: a refusal reaches Tasklist
 * as HTTP 400 with the Mongolian reason and nothing is kept.
 */
@Component("registerPoll")
class RegisterPoll implements JavaDelegate {

    static final int DEFAULT_MIN_AGE = 18;

    private final PollService polls;
    private final OrganisationService organisations;

    RegisterPoll(PollService polls, OrganisationService organisations) {
        this.polls = polls;
        this.organisations = organisations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // a revision is of this instance's own poll, never of one a form names (a start form could submit pollId)
        java.util.Optional<Poll> own = polls.findByProcessInstance(execution.getProcessInstanceId());
        Set<String> unknown = new TreeSet<>(execution.getVariableNames());
        if (own.isEmpty()) {
            unknown.removeAll(Vars.FORM_FIELDS);
            unknown.remove(Vars.SECRETARY);
            if (!unknown.isEmpty()) {
                throw refused(unknown, "Маягтад байхгүй талбар ирлээ: " + String.join(", ", unknown) + ".");
            }
        }
        String soumCode = text(execution, Data.SOUM);
        OrgUnit soum = soumCode == null ? null : organisations.unit(soumCode)
                .filter(u -> u.level() == OrgUnit.Level.SOUM).orElse(null);
        if (soum == null) {
            throw refused(Vars.SOUM, "Сумаа сонгоно уу.");
        }
        Body khural = organisations.findBody(Body.Kind.KHURAL, soum.code(), null)
                .orElseThrow(() -> refused(Vars.SOUM, "Энэ сумын ИТХ бүртгэлгүй байна."));
        String secretary = secretary(execution, khural);

        PollDraft draft = draft(execution, soum);
        Poll poll;
        try {
            poll = own.isPresent()
                    ? polls.revise(own.get().id(), draft)
                    : polls.create(draft, secretary, execution.getProcessInstanceId());
        } catch (PollService.DraftRefused r) {
            throw refused(field(r.field()), r.getMessage());
        }
        Data.POLL_ID.set(execution, poll.id());
        Data.POLL_CODE.set(execution, poll.code());
        Data.CHAIR.set(execution, khural.headUserId());
        Data.KHURAL_GROUP.set(execution, khural.groupId());
        Data.OPENS_AT.set(execution, Clocks.toDate(poll.opensAt()));
        Data.CLOSES_AT.set(execution, Clocks.toDate(poll.closesAt()));
        Data.APPROVAL.remove(execution);
        Data.REVISION.remove(execution);
    }

    /** The authenticated user, a member of the soum's Khural, and the starter the engine recorded. */
    private static String secretary(DelegateExecution execution, Body khural) {
        Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String user = auth == null ? null : auth.getUserId();
        if (user == null || auth.getGroupIds() == null || !auth.getGroupIds().contains(khural.groupId())) {
            throw new AuthorizationException("Та " + khural.nameMn() + "-ын санал асуулга үүсгэх эрхгүй (" + user
                    + ").");
        }
        if (!user.equals(Data.SECRETARY.orNull(execution))) {
            throw refused(Vars.SECRETARY, "Санал асуулга үүсгэгч өөр хүн байж болохгүй.");
        }
        return user;
    }

    private PollDraft draft(DelegateExecution execution, OrgUnit soum) {
        String question = text(execution, Data.QUESTION);
        List<String> options = new ArrayList<>();
        String typed = text(execution, Data.OPTIONS);
        if (typed != null) {
            typed.lines().map(String::strip).filter(s -> !s.isEmpty()).map(RegisterPoll::withoutNumber)
                    .forEach(options::add);
        }
        List<String> bags = bags(text(execution, Data.BAG_NUMBERS), soum);
        OffsetDateTime opens = when(text(execution, Data.OPENS_AT_TEXT), Vars.OPENS_AT_TEXT);
        OffsetDateTime closes = when(text(execution, Data.CLOSES_AT_TEXT), Vars.CLOSES_AT_TEXT);
        int minAge = minAge(execution);
        ReplacePolicy policy;
        try {
            String p = text(execution, Data.REPLACE_POLICY);
            policy = p == null ? ReplacePolicy.FIRST_COUNTS : ReplacePolicy.valueOf(p);
        } catch (IllegalArgumentException e) {
            throw refused(Vars.REPLACE_POLICY, "Давтан саналын журмыг сонгоно уу.");
        }
        boolean remind = Boolean.TRUE.equals(Data.REMIND.orNull(execution));
        return new PollDraft(soum.code(), question, options, bags, opens, closes, minAge, policy, remind);
    }

    /** "1. Тийм", "1) Тийм", "1 - Тийм" are "Тийм": the number is the line's. */
    private static String withoutNumber(String line) {
        return line.replaceFirst("^\\d\\s*[.)\\-=:]\\s*", "").strip();
    }

    /** "1, 3, 5" are those bags of the soum; empty: all its bags. */
    private List<String> bags(String typed, OrgUnit soum) {
        List<String> all = polls.bagsOf(soum.code());
        if (typed == null) {
            return all;
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String part : typed.split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            String bag = soum.code() + "." + part.replaceAll("[^0-9]", "");
            if (!all.contains(bag)) {
                throw refused(Vars.BAG_NUMBERS, "«" + part + "» дугаартай баг " + soum.nameMn() + " суманд алга.");
            }
            chosen.add(bag);
        }
        return chosen.isEmpty() ? all : List.copyOf(chosen);
    }

    private static final List<DateTimeFormatter> FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"), DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm"));

    /** A time as typed (2026-11-24 09:00, 2026.11.24 09:00, ISO with or without offset), in Ulaanbaatar. */
    static OffsetDateTime when(String typed, String field) {
        if (typed == null) {
            throw refused(field, "Хугацаагаа бичнэ үү (жишээ нь 2026.11.24 09:00).");
        }
        try {
            return OffsetDateTime.parse(typed);
        } catch (DateTimeParseException notWithOffset) {
            for (DateTimeFormatter f : FORMATS) {
                try {
                    return LocalDateTime.parse(typed, f).atZone(Clocks.ZONE).toOffsetDateTime();
                } catch (DateTimeParseException next) {
                    // the next form
                }
            }
        }
        throw refused(field, "Хугацааг ойлгосонгүй: 2026.11.24 09:00 хэлбэрээр бичнэ үү.");
    }

    private static int minAge(DelegateExecution execution) {
        try {
            Long v = Data.MIN_AGE.orNull(execution);
            return v == null ? DEFAULT_MIN_AGE : v.intValue();
        } catch (IllegalStateException e) {
            throw refused(Vars.MIN_AGE, "Санал өгөх насыг тоогоор бичнэ үү.");
        }
    }

    private static String field(String draftField) {
        return switch (draftField) {
            case "bags" -> Vars.BAG_NUMBERS;
            case "closesAt" -> Vars.CLOSES_AT_TEXT;
            default -> draftField;
        };
    }

    private static String text(DelegateExecution execution, ProcessVariable<String> variable) {
        String v;
        try {
            v = variable.orNull(execution);
        } catch (IllegalStateException notText) {
            throw refused(variable.name(), "«" + variable.name() + "» талбарт текст оруулна уу.");
        }
        return v == null || v.isBlank() ? null : v.strip();
    }

    static FormFieldValidationException refused(Object field, String message) {
        return new FormFieldValidationException(field, message);
    }
}
