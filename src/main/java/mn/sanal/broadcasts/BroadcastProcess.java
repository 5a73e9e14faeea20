package mn.sanal.broadcasts;

import static mn.sanal.platform.ProcessVariable.booleanVariable;
import static mn.sanal.platform.ProcessVariable.dateVariable;
import static mn.sanal.platform.ProcessVariable.intVariable;
import static mn.sanal.platform.ProcessVariable.longVariable;
import static mn.sanal.platform.ProcessVariable.stringVariable;

import java.util.Date;
import java.util.List;

import mn.sanal.platform.ProcessVariable;

/**
 * Names in {@code processes/broadcasts/Broadcast.bpmn}: the soum Governor's office or the Khural secretary writes a
 * text for the soum or some of its bags; the head of the body (Governor, Khural chair) approves it or sends it back
 * with a reason; it is sent outside quiet hours (BroadcastQuietHours.dmn) through {@link BroadcastService}; failures
 * are retried once later; a report ends the case. {@value #MSG_CANCEL}, or the Tasklist task
 * "Илгээлтийг зогсоох" while it sends, stops what has not been sent.
 */
public final class BroadcastProcess {

    public static final String KEY = "Broadcast";
    public static final String START_FORM = "StartBroadcast";
    public static final String APPROVE_FORM = "ApproveBroadcast";
    public static final String REVISE_FORM = "ReviseBroadcast";
    public static final String STOP_FORM = "StopBroadcast";
    /** Thrown by the stop task's end inside the sending, caught on its boundary. */
    public static final String ERROR_STOP = "BroadcastStopRequested";
    public static final String QUIET_HOURS = "BroadcastQuietHours";
    public static final String RETRY_POLICY = "BroadcastRetryPolicy";
    public static final String MSG_CANCEL = "Msg_CancelBroadcast";
    public static final String APPROVE = "APPROVE";
    public static final String REFUSE = "REFUSE";
    public static final String RESUBMIT = "RESUBMIT";
    public static final String WITHDRAW = "WITHDRAW";

    private BroadcastProcess() {
    }

    public static final class Elements {
        public static final String START = "StartEvent_BroadcastWritten";
        public static final String PREPARE = "Task_PrepareBroadcast";
        public static final String APPROVE = "UserTask_ApproveBroadcast";
        public static final String APPROVED = "Gateway_BroadcastApproved";
        public static final String REVISE = "UserTask_ReviseBroadcast";
        public static final String RESUBMITTED = "Gateway_Resubmitted";
        public static final String PLAN = "Task_PlanSending";
        public static final String WAIT_TO_SEND = "Timer_WaitToSend";
        public static final String SENDING = "SubProcess_Sending";
        public static final String SENDING_STARTED = "StartEvent_SendingStarted";
        public static final String SENDING_FORK = "Gateway_SendingFork";
        public static final String SEND = "Task_SendBroadcast";
        public static final String WAIT_FOR_RECEIPTS = "Timer_WaitForReceipts";
        public static final String RETRY = "Task_RetryFailures";
        public static final String WAIT_FOR_RETRY = "Timer_WaitForRetryReceipts";
        public static final String SENDING_DONE = "EndEvent_SendingDone";
        /**
         * While it sends, the author, the approver and the author's body may stop it from Tasklist; the form's
         * required checkbox (enforced by the task guard) confirms it.
         */
        public static final String STOP_TASK = "UserTask_StopSending";
        public static final String STOP_REQUESTED = "EndEvent_StopRequested";
        public static final String STOP_BOUNDARY = "Boundary_StopRequested";
        public static final String STOP_SENDING = "Task_StopSending";
        public static final String END_STOPPED = "EndEvent_SendingStopped";
        public static final String REPORT = "Task_ReportBroadcast";
        public static final String END_SENT = "EndEvent_BroadcastSent";
        public static final String END_WITHDRAWN = "EndEvent_BroadcastWithdrawn";
        public static final String CANCEL_SUBPROCESS = "SubProcess_Cancel";
        public static final String CANCEL_START = "StartEvent_CancelRequested";
        public static final String CANCEL = "Task_CancelBroadcast";
        public static final String END_CANCELLED = "EndEvent_BroadcastCancelled";

        private Elements() {
        }
    }

    public static final class Vars {
        // start form
        public static final String TEXT = "text";
        public static final String BAGS = "bags";
        public static final String SEND_AT = "sendAt";
        public static final List<String> START_FIELDS = List.of(TEXT, BAGS, SEND_AT);
        public static final String AUTHOR = "author";
        /** The group of the author's body (Governor's office or Khural): candidates of the stop task. */
        public static final String AUTHOR_GROUP = "authorGroup";
        // prepared
        public static final String SOUM = "soum";
        public static final String AUDIENCE_TEXT = "audienceText";
        public static final String APPROVER = "approver";
        public static final String CAMPAIGN = "campaign";
        public static final String RECIPIENTS = "recipients";
        public static final String OPTED_OUT = "optedOut";
        public static final String SEGMENTS_EACH = "segmentsEach";
        public static final String SEGMENTS_TOTAL = "segmentsTotal";
        public static final String BILLING_TEXT = "billingText";
        // approval and revision
        public static final String DECISION = "decision";
        public static final String REFUSAL_REASON = "refusalReason";
        /** The audience's bag codes, comma-separated; empty: the whole soum. */
        public static final String AUDIENCE_BAGS = "audienceBags";
        // stop task
        public static final String CANCEL_CONFIRMED = "cancelConfirmed";
        public static final String CANCEL_REASON = "cancelReason";
        // quiet hours and retry (BroadcastQuietHours.dmn)
        /** BroadcastQuietHours.dmn's input: the local hour 0-23 (PlanSending evaluates it). */
        public static final String HOUR = "hour";
        public static final String SEND_DATE = "sendDate";
        public static final String RECEIPT_WAIT = "receiptWait";
        // report
        public static final String SENT = "sent";
        public static final String DELIVERED = "delivered";
        public static final String FAILED = "failed";
        public static final String CANCELLED = "cancelled";
        public static final String REPORT_TEXT = "reportText";

        private Vars() {
        }
    }

    public static final class Data {
        public static final ProcessVariable<String> TEXT = stringVariable(Vars.TEXT);
        public static final ProcessVariable<String> SEND_AT = stringVariable(Vars.SEND_AT);
        public static final ProcessVariable<String> AUTHOR = stringVariable(Vars.AUTHOR);
        public static final ProcessVariable<String> AUTHOR_GROUP = stringVariable(Vars.AUTHOR_GROUP);
        public static final ProcessVariable<Boolean> CANCEL_CONFIRMED = booleanVariable(Vars.CANCEL_CONFIRMED);
        public static final ProcessVariable<String> CANCEL_REASON = stringVariable(Vars.CANCEL_REASON);
        public static final ProcessVariable<String> SOUM = stringVariable(Vars.SOUM);
        public static final ProcessVariable<String> AUDIENCE_TEXT = stringVariable(Vars.AUDIENCE_TEXT);
        public static final ProcessVariable<String> APPROVER = stringVariable(Vars.APPROVER);
        public static final ProcessVariable<String> CAMPAIGN = stringVariable(Vars.CAMPAIGN);
        public static final ProcessVariable<Long> RECIPIENTS = longVariable(Vars.RECIPIENTS);
        public static final ProcessVariable<Long> OPTED_OUT = longVariable(Vars.OPTED_OUT);
        public static final ProcessVariable<Integer> SEGMENTS_EACH = intVariable(Vars.SEGMENTS_EACH);
        public static final ProcessVariable<Long> SEGMENTS_TOTAL = longVariable(Vars.SEGMENTS_TOTAL);
        public static final ProcessVariable<String> BILLING_TEXT = stringVariable(Vars.BILLING_TEXT);
        public static final ProcessVariable<String> DECISION = stringVariable(Vars.DECISION);
        public static final ProcessVariable<String> REFUSAL_REASON = stringVariable(Vars.REFUSAL_REASON);
        public static final ProcessVariable<String> BAGS = stringVariable(Vars.BAGS);
        public static final ProcessVariable<String> AUDIENCE_BAGS = stringVariable(Vars.AUDIENCE_BAGS);
        public static final ProcessVariable<Date> SEND_DATE = dateVariable(Vars.SEND_DATE);
        public static final ProcessVariable<String> RECEIPT_WAIT = stringVariable(Vars.RECEIPT_WAIT);
        public static final ProcessVariable<Long> SENT = longVariable(Vars.SENT);
        public static final ProcessVariable<Long> DELIVERED = longVariable(Vars.DELIVERED);
        public static final ProcessVariable<Long> FAILED = longVariable(Vars.FAILED);
        public static final ProcessVariable<Long> CANCELLED = longVariable(Vars.CANCELLED);
        public static final ProcessVariable<String> REPORT_TEXT = stringVariable(Vars.REPORT_TEXT);

        private Data() {
        }
    }
}
