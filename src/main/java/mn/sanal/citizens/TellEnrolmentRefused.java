package mn.sanal.citizens;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.citizens.PhoneEnrolmentProcess.Data;
import mn.sanal.outbox.OutboxService;

/** {@code ${tellEnrolmentRefused}}: the bag governor said no; the citizen is told (keyed). */
@Component("tellEnrolmentRefused")
class TellEnrolmentRefused implements JavaDelegate {

    private final OutboxService outbox;

    TellEnrolmentRefused(OutboxService outbox) {
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BindPhone.tell(outbox, execution, Data.PHONE.get(execution), EnrolmentTexts.REFUSED);
    }
}
