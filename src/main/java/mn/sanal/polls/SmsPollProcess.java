package mn.sanal.polls;

import static mn.sanal.platform.ProcessVariable.booleanVariable;
import static mn.sanal.platform.ProcessVariable.dateVariable;
import static mn.sanal.platform.ProcessVariable.longVariable;
import static mn.sanal.platform.ProcessVariable.stringVariable;

import java.util.List;

import mn.sanal.platform.ProcessVariable;

/**
 * Names in {@code processes/polls/SmsPoll.bpmn}: the Khural secretary drafts a poll (start form {@value #START_FORM}),
 * the Khural chair approves or returns it, the announcement goes to the audience, votes come by SMS during the window
 * (intake, not the process), an optional reminder goes to those who have not voted (PollReminder.dmn), the close
 * tallies and hashes, the Khural reviews and confirms, each bag gets its results, and the results are published.
 */
public final class SmsPollProcess {

    public static final String KEY = "SmsPoll";
    public static final String START_FORM = "StartPoll";
    public static final String APPROVE_FORM = "ApprovePoll";
    public static final String REVISE_FORM = "RevisePoll";
    public static final String REVIEW_FORM = "ReviewPollResults";
    public static final String DECISION_REMINDER = "PollReminder";

    private SmsPollProcess() {
    }

    /** Element ids. */
    public static final class Elements {
        public static final String START = "StartEvent_PollDrafted";
        public static final String REGISTER = "Task_RegisterPoll";
        public static final String APPROVE = "UserTask_ApprovePoll";
        public static final String GATEWAY_APPROVED = "Gateway_PollApproved";
        public static final String REVISE = "UserTask_RevisePoll";
        public static final String GATEWAY_WITHDRAWN = "Gateway_PollWithdrawn";
        public static final String WITHDRAW = "Task_WithdrawPoll";
        public static final String END_WITHDRAWN = "EndEvent_PollWithdrawn";
        public static final String ANNOUNCE = "Task_AnnouncePoll";
        public static final String WINDOW_OPENS = "TimerEvent_WindowOpens";
        public static final String OPEN = "Task_OpenPoll";
        public static final String GATEWAY_REMIND = "Gateway_Remind";
        public static final String REMINDER_DUE = "TimerEvent_ReminderDue";
        public static final String REMIND = "Task_RemindNonVoters";
        public static final String GATEWAY_REMINDED = "Gateway_Reminded";
        public static final String WINDOW_CLOSES = "TimerEvent_WindowCloses";
        public static final String CLOSE = "Task_ClosePoll";
        public static final String REVIEW = "UserTask_ReviewResults";
        public static final String SEND_RESULTS = "Task_SendResults";
        public static final String PUBLISH = "Task_PublishResults";
        public static final String END_PUBLISHED = "EndEvent_ResultsPublished";

        private Elements() {
        }
    }

    /** Values of {@link Vars#APPROVAL} and {@link Vars#REVISION}. */
    public static final String APPROVE = "APPROVE";
    public static final String RETURN = "RETURN";
    public static final String RESUBMIT = "RESUBMIT";
    public static final String WITHDRAW = "WITHDRAW";

    /** Process variables. */
    public static final class Vars {
        // the start form's (and the revise form's) fields
        public static final String SOUM = "soum";
        public static final String QUESTION = "question";
        public static final String OPTIONS = "options";
        public static final String BAG_NUMBERS = "bagNumbers";
        public static final String OPENS_AT_TEXT = "opensAtText";
        public static final String CLOSES_AT_TEXT = "closesAtText";
        public static final String MIN_AGE = "minAge";
        public static final String REPLACE_POLICY = "replacePolicy";
        public static final String REMIND = "remind";
        /** Every key the start form submits; anything else submitted is refused. */
        public static final List<String> FORM_FIELDS = List.of(SOUM, QUESTION, OPTIONS, BAG_NUMBERS, OPENS_AT_TEXT,
                CLOSES_AT_TEXT, MIN_AGE, REPLACE_POLICY, REMIND);

        /** The starter ({@code camunda:initiator}): the Khural secretary. */
        public static final String SECRETARY = "secretary";
        public static final String POLL_ID = "pollId";
        public static final String POLL_CODE = "pollCode";
        /** The Khural's head (the chair), who approves. */
        public static final String CHAIR = "chair";
        /** The Khural's Camunda group, who review and confirm the results. */
        public static final String KHURAL_GROUP = "khuralGroup";
        /** The window, as timers read it. */
        public static final String OPENS_AT = "opensAt";
        public static final String CLOSES_AT = "closesAt";
        // the chair's decision
        /** APPROVE or RETURN. */
        public static final String APPROVAL = "approval";
        public static final String RETURN_REASON = "returnReason";
        // the secretary's answer to a return
        /** RESUBMIT or WITHDRAW. */
        public static final String REVISION = "revision";
        /** Whether a reminder goes (the secretary asked for one and PollReminder.dmn gives a point), and when. */
        public static final String REMIND_NON_VOTERS = "remindNonVoters";
        public static final String REMINDER_AT = "reminderAt";
        /** PollReminder.dmn's input and output. */
        public static final String WINDOW_HOURS = "windowHours";
        public static final String REMINDER_PERCENT = "reminderPercent";
        // the review
        public static final String CONFIRMED = "confirmed";
        // task-local display values
        public static final String POLL_SUMMARY = "pollSummary";
        public static final String RESULTS_TABLE = "resultsTable";
        public static final String COUNTERS_TEXT = "countersText";

        private Vars() {
        }
    }

    /** The variables with their types. */
    public static final class Data {
        public static final ProcessVariable<String> SOUM = stringVariable(Vars.SOUM);
        public static final ProcessVariable<String> QUESTION = stringVariable(Vars.QUESTION);
        public static final ProcessVariable<String> OPTIONS = stringVariable(Vars.OPTIONS);
        public static final ProcessVariable<String> BAG_NUMBERS = stringVariable(Vars.BAG_NUMBERS);
        public static final ProcessVariable<String> OPENS_AT_TEXT = stringVariable(Vars.OPENS_AT_TEXT);
        public static final ProcessVariable<String> CLOSES_AT_TEXT = stringVariable(Vars.CLOSES_AT_TEXT);
        public static final ProcessVariable<Long> MIN_AGE = longVariable(Vars.MIN_AGE);
        public static final ProcessVariable<String> REPLACE_POLICY = stringVariable(Vars.REPLACE_POLICY);
        public static final ProcessVariable<Boolean> REMIND = booleanVariable(Vars.REMIND);
        public static final ProcessVariable<String> SECRETARY = stringVariable(Vars.SECRETARY);
        public static final ProcessVariable<Long> POLL_ID = longVariable(Vars.POLL_ID);
        public static final ProcessVariable<String> POLL_CODE = stringVariable(Vars.POLL_CODE);
        public static final ProcessVariable<String> CHAIR = stringVariable(Vars.CHAIR);
        public static final ProcessVariable<String> KHURAL_GROUP = stringVariable(Vars.KHURAL_GROUP);
        public static final ProcessVariable<java.util.Date> OPENS_AT = dateVariable(Vars.OPENS_AT);
        public static final ProcessVariable<java.util.Date> CLOSES_AT = dateVariable(Vars.CLOSES_AT);
        public static final ProcessVariable<String> APPROVAL = stringVariable(Vars.APPROVAL);
        public static final ProcessVariable<String> RETURN_REASON = stringVariable(Vars.RETURN_REASON);
        public static final ProcessVariable<String> REVISION = stringVariable(Vars.REVISION);
        public static final ProcessVariable<Boolean> REMIND_NON_VOTERS = booleanVariable(Vars.REMIND_NON_VOTERS);
        public static final ProcessVariable<java.util.Date> REMINDER_AT = dateVariable(Vars.REMINDER_AT);
        public static final ProcessVariable<Boolean> CONFIRMED = booleanVariable(Vars.CONFIRMED);

        private Data() {
        }
    }
}
