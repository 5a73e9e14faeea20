package mn.sanal.polls;

import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import mn.sanal.platform.Clocks;
import mn.sanal.polls.SmsPollProcess.Data;
import mn.sanal.polls.SmsPollProcess.Elements;
import mn.sanal.polls.SmsPollProcess.Vars;

/**
 * The user tasks of SmsPoll. On create: what the form shows, read fresh from the poll's record into task-local
 * variables (long texts as Json). On complete: the chair's approval or return (a return needs a reason) and the
 * Khural's confirmation are recorded in the poll's record with who did it.
 */
@Component("pollTasks")
class PollTasks implements TaskListener {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm");

    private final PollService polls;

    PollTasks(PollService polls) {
        this.polls = polls;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = Data.POLL_ID.get(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            Poll p = polls.get(id);
            task.setVariableLocal(Vars.POLL_SUMMARY, json(summary(p)));
            if (Elements.REVIEW.equals(task.getTaskDefinitionKey())) {
                task.setVariableLocal(Vars.RESULTS_TABLE, json(table(p, polls.result(id))));
                task.setVariableLocal(Vars.COUNTERS_TEXT, counters(p));
            }
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            complete(task, id);
        }
    }

    private void complete(DelegateTask task, long id) {
        String user = user(task);
        switch (task.getTaskDefinitionKey()) {
            case Elements.APPROVE -> {
                if (SmsPollProcess.APPROVE.equals(Data.APPROVAL.orNull(task))) {
                    polls.approve(id, user);
                } else {
                    String reason = Data.RETURN_REASON.orNull(task);
                    if (reason == null || reason.isBlank()) {
                        throw new FormFieldValidationException(Vars.RETURN_REASON,
                                "Буцааж байгаа шалтгаанаа бичнэ үү.");
                    }
                    polls.returnToSecretary(id, reason.strip());
                }
            }
            case Elements.REVIEW -> {
                if (!Boolean.TRUE.equals(Data.CONFIRMED.orNull(task))) {
                    throw new FormFieldValidationException(Vars.CONFIRMED, "Дүнг баталснаа тэмдэглэнэ үү.");
                }
                polls.confirm(id, user);
            }
            default -> {
                // the secretary's revision is Task_RegisterPoll's
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A long display text as Tasklist shows it: a Json variable holding a JSON string (see README, "Process"). */
    static Object json(String text) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(text)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String user(DelegateTask task) {
        Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
    }

    static String summary(Poll p) {
        StringBuilder s = new StringBuilder();
        s.append("Код: ").append(p.code()).append('\n');
        s.append("Асуулт: ").append(p.question()).append('\n');
        for (int i = 0; i < p.options().size(); i++) {
            s.append("  ").append(i + 1).append(" = ").append(p.options().get(i)).append('\n');
        }
        s.append("Оролцогчид: ").append(String.join(", ", p.bags().stream()
                .map(b -> b.substring(b.lastIndexOf('.') + 1) + "-р баг").toList())).append('\n');
        s.append("Хугацаа: ").append(p.opensAt().atZoneSameInstant(Clocks.ZONE).format(WHEN)).append(" - ")
                .append(p.closesAt().atZoneSameInstant(Clocks.ZONE).format(WHEN)).append('\n');
        s.append("Санал өгөх нас: ").append(p.minAge()).append("+, бүртгэлтэй оршин суугч\n");
        s.append("Давтан санал: ").append(p.replacePolicy() == Poll.ReplacePolicy.FIRST_COUNTS
                ? "эхний санал тооцогдоно" : "сүүлийн санал тооцогдоно").append('\n');
        s.append("Сануулга: ").append(p.remind() ? "санал өгөөгүй хүмүүст" : "үгүй").append('\n');
        if (p.returnedReason() != null) {
            s.append("Буцаасан шалтгаан: ").append(p.returnedReason()).append('\n');
        }
        s.append("Хариулах: ").append(PollReplies.howToAnswer(p.code()));
        return s.toString();
    }

    /** The result per bag: one line per bag and one for the soum, votes per option, cast, eligible, turnout. */
    static String table(Poll p, Tally t) {
        StringBuilder s = new StringBuilder("Баг | ");
        for (int i = 0; i < p.options().size(); i++) {
            s.append(i + 1).append(". ").append(p.options().get(i)).append(" | ");
        }
        s.append("Нийт | Эрхтэй | Ирц\n");
        for (Tally.Bag b : t.bags()) {
            row(s, b);
        }
        row(s, t.soum());
        return s.toString();
    }

    private static void row(StringBuilder s, Tally.Bag b) {
        s.append(b.name()).append(" | ");
        for (int v : b.votes()) {
            s.append(v).append(" | ");
        }
        s.append(b.cast()).append(" | ").append(b.eligible()).append(" | ").append(b.turnoutPercent()).append("%\n");
    }

    static String counters(Poll p) {
        Poll.Counters c = p.counters();
        String counts = c == null ? "" : "Ирсэн мессеж " + c.received() + ", хүчинтэй " + c.valid() + ", хүчингүй "
                + c.invalid() + ", хугацаа хэтэрсэн " + c.late() + ". ";
        return counts + "Саналын хүснэгтийн SHA-256: " + p.voteTableSha256();
    }
}
