package mn.sanal.broadcasts;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import mn.sanal.broadcasts.BroadcastProcess.Data;

/** {@code ${reportBroadcast}}: the counts on the case (recipients, sent, delivered, failed, opted out, billed). */
@Component("reportBroadcast")
class ReportBroadcast implements JavaDelegate {

    private final BroadcastService broadcasts;

    ReportBroadcast(BroadcastService broadcasts) {
        this.broadcasts = broadcasts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        report(broadcasts, execution);
    }

    static void report(BroadcastService broadcasts, DelegateExecution execution) {
        long optedOut = Data.OPTED_OUT.optional(execution).orElse(0L);
        BroadcastService.Report r = broadcasts.report(Data.CAMPAIGN.get(execution), optedOut);
        int each = Data.SEGMENTS_EACH.optional(execution).orElse(1);
        Data.SENT.set(execution, r.sent());
        Data.DELIVERED.set(execution, r.delivered());
        Data.FAILED.set(execution, r.failed());
        Data.CANCELLED.set(execution, r.cancelled());
        Data.REPORT_TEXT.set(execution, "Хүлээн авагч " + r.recipients() + ", илгээсэн " + r.sent() + ", хүрсэн "
                + r.delivered() + ", хүрээгүй " + r.failed() + " (дахин илгээсэн " + r.retried() + "), цуцалсан "
                + r.cancelled() + ", татгалзсан (ЗОГС) " + r.optedOut() + ", төлбөртэй SMS " + (r.sent() * each) + ".");
    }
}
