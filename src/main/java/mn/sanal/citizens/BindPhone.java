package mn.sanal.citizens;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.citizens.PhoneEnrolmentProcess.Data;
import mn.sanal.outbox.NewOutboxMessage;
import mn.sanal.outbox.OutboxService;

/** {@code ${bindPhone}}: binds the phone and tells the citizen (keyed: a job run twice tells once). */
@Component("bindPhone")
class BindPhone implements JavaDelegate {

    private final PhoneEnrolments enrolments;
    private final OutboxService outbox;

    BindPhone(PhoneEnrolments enrolments, OutboxService outbox) {
        this.enrolments = enrolments;
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String phone = Data.PHONE.get(execution);
        boolean bound = enrolments.bind(Data.CITIZEN_ID.get(execution), phone);
        tell(outbox, execution, phone, bound ? EnrolmentTexts.APPROVED : EnrolmentTexts.OTHER_PERSON);
    }

    static void tell(OutboxService outbox, DelegateExecution execution, String phone, String text) {
        outbox.enqueue(new NewOutboxMessage("enrolment:" + execution.getProcessInstanceId() + ":"
                + execution.getCurrentActivityId(), null, "ENROLMENT", "SMS", phone, null, text));
    }
}
