package mn.sanal.broadcasts;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.broadcasts.BroadcastProcess.Data;

/** {@code ${retryBroadcastFailures}}: the one retry of what failed (keyed). */
@Component("retryBroadcastFailures")
class RetryBroadcastFailures implements JavaDelegate {

    private final BroadcastService broadcasts;

    RetryBroadcastFailures(BroadcastService broadcasts) {
        this.broadcasts = broadcasts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        broadcasts.retryFailures(Data.CAMPAIGN.get(execution));
    }
}
