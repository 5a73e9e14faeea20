package mn.sanal.petitions.process;

import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.calendar.WorkingDays;
import mn.sanal.petitions.CitizenNotifier;
import mn.sanal.petitions.CitizenTexts;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionHandlingProcess.Data;
import mn.sanal.petitions.PetitionService;
import mn.sanal.petitions.PetitionStatus;
import mn.sanal.platform.Clocks;

/**
 * The supervisor sends a low-rated answer back to the body, with a new term ({@code reopenDays}, policy from
 * PetitionDeadlines.dmn), and tells the citizen.
 */
@Component("reopenPetition")
class ReopenPetition implements JavaDelegate {

    private final PetitionService petitions;
    private final CitizenNotifier notifier;
    private final WorkingDays calendar;

    ReopenPetition(PetitionService petitions, CitizenNotifier notifier, WorkingDays calendar) {
        this.petitions = petitions;
        this.notifier = notifier;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ProcessVariables.petitionId(execution, petitions);
        OffsetDateTime lawDue = Clocks.endOfDayAfter(Clocks.now(), Data.REOPEN_DAYS.get(execution));
        OffsetDateTime due = DueDates.effective(execution, lawDue, calendar);
        int reopenedBefore = petitions.countEvents(id, PetitionStatus.REOPENED);
        petitions.reopen(id, due, ProcessVariables.actor(execution),
                ProcessVariables.text(execution, Data.REVIEW_NOTE));
        DueDates.set(execution, lawDue, due);
        Petition p = petitions.get(id);
        notifier.tell(p, "REOPENED", Integer.toString(reopenedBefore + 1), CitizenTexts.reopened(p));
    }
}
