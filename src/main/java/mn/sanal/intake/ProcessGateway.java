package mn.sanal.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionHandlingProcess;
import mn.sanal.petitions.PetitionHandlingProcess.Messages;
import mn.sanal.petitions.PetitionHandlingProcess.Vars;

/**
 * The one place intake talks to the engine: starts petitions, delivers citizens' replies to waiting cases, and shows
 * what a citizen added to a case on its open tasks.
 */
@Component
public class ProcessGateway {

    private final RuntimeService runtime;
    private final TaskService tasks;

    ProcessGateway(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /** Starts the petition's process; the tracking code is the business key. Returns the process instance id. */
    public String startPetition(Petition p) {
        return runtime.startProcessInstanceByKey(PetitionHandlingProcess.KEY, p.trackingCode(),
                PetitionHandlingProcess.startVariables(p)).getProcessInstanceId();
    }

    public boolean awaitsRating(Petition p) {
        return awaits(p, Messages.CITIZEN_RATED);
    }

    public boolean awaitsInformation(Petition p) {
        return awaits(p, Messages.INFORMATION_RECEIVED);
    }

    public void deliverRating(Petition p, int rating) {
        runtime.createMessageCorrelation(Messages.CITIZEN_RATED)
                .processInstanceBusinessKey(p.trackingCode())
                .setVariable(Vars.CITIZEN_RATING, rating)
                .correlate();
    }

    /** The citizen answered our question; the answer itself is in the case history (petition_event). */
    public void deliverInformation(Petition p) {
        runtime.createMessageCorrelation(Messages.INFORMATION_RECEIVED)
                .processInstanceBusinessKey(p.trackingCode())
                .correlate();
    }

    /**
     * Puts {@code comment} on every open task of the case (Tasklist shows it in the task's history). The forms of
     * today's tasks read the case when opened (form values), so they show what the citizen added; tasks of model
     * versions that copied the case into task-local variables get those of the given fields refreshed.
     */
    public void showOnOpenTasks(Petition p, String comment, Map<String, Object> formFields) {
        if (p.processInstanceId() == null) {
            return;
        }
        for (Task t : tasks.createTaskQuery().processInstanceId(p.processInstanceId()).list()) {
            tasks.createComment(t.getId(), p.processInstanceId(), comment);
            Set<String> copied = tasks.getVariablesLocal(t.getId(), formFields.keySet()).keySet();
            if (!copied.isEmpty()) {
                Map<String, Object> refreshed = new LinkedHashMap<>(formFields);
                refreshed.keySet().retainAll(copied);
                tasks.setVariablesLocal(t.getId(), refreshed);
            }
        }
    }

    private boolean awaits(Petition p, String message) {
        return runtime.createEventSubscriptionQuery()
                .processInstanceId(p.processInstanceId())
                .eventType("message")
                .eventName(message)
                .count() > 0;
    }
}
