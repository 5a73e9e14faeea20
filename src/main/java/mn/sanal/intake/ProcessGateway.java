package mn.sanal.intake;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionHandlingProcess;
import mn.sanal.petitions.PetitionHandlingProcess.Messages;
import mn.sanal.petitions.PetitionHandlingProcess.Vars;

/** The one place intake talks to the engine: starts petitions and delivers citizens' replies to waiting cases. */
@Component
public class ProcessGateway {

    private final RuntimeService runtime;

    ProcessGateway(RuntimeService runtime) {
        this.runtime = runtime;
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

    private boolean awaits(Petition p, String message) {
        return runtime.createEventSubscriptionQuery()
                .processInstanceId(p.processInstanceId())
                .eventType("message")
                .eventName(message)
                .count() > 0;
    }
}
