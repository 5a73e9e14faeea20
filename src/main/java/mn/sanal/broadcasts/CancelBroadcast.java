package mn.sanal.broadcasts;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.broadcasts.BroadcastProcess.Data;

/** {@code ${cancelBroadcast}}: stops what has not been handed to the SMSC, then reports. */
@Component("cancelBroadcast")
class CancelBroadcast implements JavaDelegate {

    private final BroadcastService broadcasts;

    CancelBroadcast(BroadcastService broadcasts) {
        this.broadcasts = broadcasts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Data.CAMPAIGN.optional(execution).ifPresent(c -> {
            broadcasts.cancel(c);
            ReportBroadcast.report(broadcasts, execution);
        });
    }
}
