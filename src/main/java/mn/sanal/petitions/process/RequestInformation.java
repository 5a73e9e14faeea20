package mn.sanal.petitions.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.petitions.CitizenNotifier;
import mn.sanal.petitions.CitizenTexts;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.petitions.PetitionService;
import mn.sanal.petitions.PetitionStatus;

/** Asks the citizen the official's question on their channel; the case waits for the reply, for a time. */
@Component("requestInformation")
class RequestInformation implements JavaDelegate {

    private final PetitionService petitions;
    private final CitizenNotifier notifier;

    RequestInformation(PetitionService petitions, CitizenNotifier notifier) {
        this.petitions = petitions;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ProcessVariables.petitionId(execution, petitions);
        String question = ProcessVariables.string(execution, Vars.INFORMATION_QUESTION);
        int asked = petitions.countEvents(id, PetitionStatus.WAITING_FOR_CITIZEN);
        petitions.waitForCitizen(id, ProcessVariables.actor(execution), question);
        String wait = ProcessVariables.string(execution, Vars.INFORMATION_WAIT).replaceAll("\\D", "");
        Petition p = petitions.get(id);
        notifier.tell(p, "INFORMATION_REQUESTED", Integer.toString(asked + 1),
                CitizenTexts.informationRequested(p, question, wait));
    }
}
