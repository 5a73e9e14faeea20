package mn.sanal.broadcasts;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.broadcasts.BroadcastProcess.Data;

/** {@code ${sendBroadcast}}: one outbox row per recipient (keyed: run twice, written once). */
@Component("sendBroadcast")
class SendBroadcast implements JavaDelegate {

    private final BroadcastService broadcasts;

    SendBroadcast(BroadcastService broadcasts) {
        this.broadcasts = broadcasts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BroadcastService.Sent sent = broadcasts.send(PrepareBroadcast.audience(execution), Data.TEXT.get(execution),
                Data.CAMPAIGN.get(execution));
        Data.RECIPIENTS.set(execution, sent.recipients());
    }
}
