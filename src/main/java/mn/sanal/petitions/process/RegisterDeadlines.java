package mn.sanal.petitions.process;

import java.time.OffsetDateTime;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.petitions.PetitionService;
import mn.sanal.platform.Clocks;

/**
 * Turns the PetitionDeadlines decision (days) into the dates and durations the model's timers read, and stores the
 * legal due date on the petition.
 */
@Component("registerDeadlines")
class RegisterDeadlines implements JavaDelegate {

    private final PetitionService petitions;

    RegisterDeadlines(PetitionService petitions) {
        this.petitions = petitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> d = (Map<String, Object>) execution.getVariable(Vars.DEADLINES);
        execution.removeVariable(Vars.DEADLINES);
        Petition p = petitions.get(ProcessVariables.petitionId(execution, petitions));
        execution.setVariable(Vars.INFORMATION_WAIT, "P" + days(d, "informationWaitDays", 14) + "D");
        execution.setVariable(Vars.RATING_WAIT, "P" + days(d, "ratingWaitDays", 7) + "D");
        execution.setVariable(Vars.MAX_EXTENSION_DAYS, days(d, "maxExtensionDays", 30));
        execution.setVariable(Vars.REOPEN_DAYS, days(d, "reopenDays", 15));
        execution.setVariable(Vars.REMINDER_DAYS, days(d, "reminderDaysBefore", 5));
        Object resolveDays = d == null ? null : d.get("resolveDays");
        if (resolveDays instanceof Number n) {
            OffsetDateTime due = Clocks.endOfDayAfter(p.receivedAt(), n.intValue());
            petitions.setDueDate(p.id(), due);
            DueDates.set(execution, due);
        }
    }

    private static int days(Map<String, Object> d, String key, int fallback) {
        return d != null && d.get(key) instanceof Number n ? n.intValue() : fallback;
    }
}
