package mn.sanal.petitions;

import static mn.sanal.platform.ProcessVariable.booleanVariable;
import static mn.sanal.platform.ProcessVariable.dateVariable;
import static mn.sanal.platform.ProcessVariable.enumVariable;
import static mn.sanal.platform.ProcessVariable.intVariable;
import static mn.sanal.platform.ProcessVariable.longVariable;
import static mn.sanal.platform.ProcessVariable.stringVariable;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import mn.sanal.platform.ProcessVariable;

/**
 * Names in {@code processes/petitions/PetitionHandling.bpmn} and its DMN tables, used by delegates and tests alike;
 * {@link Data} declares each variable's type once.
 */
public final class PetitionHandlingProcess {

    public static final String KEY = "PetitionHandling";
    public static final String DECISION_ROUTING = "PetitionRouting";
    public static final String DECISION_DEADLINES = "PetitionDeadlines";

    private PetitionHandlingProcess() {
    }

    /**
     * The elements whose due date the law sets (law of 1995, art. 16: 30 days, one extension): element id to the
     * variable that holds the date. A process owner's model must keep each of them with that date (house rule 5).
     */
    public static final Map<String, String> LEGAL_DEADLINES = Map.of(
            Elements.RESOLVE, Vars.PETITION_DUE_DATE,
            Elements.REQUEST_EXTENSION, Vars.PETITION_DUE_DATE,
            Elements.APPROVE_EXTENSION, Vars.PETITION_DUE_DATE,
            Elements.DEADLINE_START, Vars.PETITION_DUE_DATE);

    /** What the process starts with: references to the petition and the values its gateways and decisions read. */
    public static Map<String, Object> startVariables(Petition p) {
        Map<String, Object> vars = new HashMap<>();
        Data.PETITION_ID.put(vars, p.id());
        Data.TRACKING_CODE.put(vars, p.trackingCode());
        Data.PETITION_TYPE.put(vars, p.type());
        Data.CATEGORY.put(vars, p.category());
        Data.AIMAG.put(vars, p.aimagCode());
        Data.SOUM.put(vars, p.soumCode());
        Data.CHANNEL.put(vars, p.channel());
        Data.NEEDS_TRANSCRIPTION.put(vars, p.channel().needsTranscription());
        return vars;
    }

    /** Element ids. */
    public static final class Elements {
        public static final String START = "StartEvent_PetitionReceived";
        public static final String GATEWAY_NEEDS_TRANSCRIPTION = "Gateway_NeedsTranscription";
        public static final String DESCRIBE = "UserTask_DescribePetition";
        public static final String DETERMINE_DEADLINES = "BusinessRuleTask_DetermineDeadlines";
        public static final String REGISTER_DEADLINES = "Task_RegisterDeadlines";
        public static final String ACKNOWLEDGE = "Task_AcknowledgeCitizen";
        public static final String ROUTE = "BusinessRuleTask_RoutePetition";
        public static final String FIND_BODY = "Task_FindResponsibleBody";
        public static final String GATEWAY_BODY_FOUND = "Gateway_BodyFound";
        public static final String TRIAGE = "UserTask_TriagePetition";
        public static final String ASSIGN = "Task_AssignBody";
        public static final String GATEWAY_THANKS = "Gateway_IsThanks";
        public static final String READ_THANKS = "UserTask_ReadThanks";
        public static final String CLOSE_THANKS = "Task_CloseThanks";
        public static final String END_THANKS = "EndEvent_ThanksPassedOn";
        public static final String RESOLUTION = "SubProcess_Resolution";
        public static final String RESOLVE = "UserTask_ResolvePetition";
        public static final String GATEWAY_ACTION = "Gateway_ResolveAction";
        public static final String REQUEST_EXTENSION = "UserTask_RequestExtension";
        public static final String APPROVE_EXTENSION = "UserTask_ApproveExtension";
        public static final String GATEWAY_EXTENSION_APPROVED = "Gateway_ExtensionApproved";
        public static final String EXTEND = "Task_ExtendDeadline";
        public static final String REFUSE_EXTENSION = "Task_RecordExtensionRefused";
        public static final String TRANSFER = "Task_TransferPetition";
        public static final String REQUEST_INFORMATION = "Task_RequestInformation";
        public static final String AWAIT_INFORMATION = "Gateway_AwaitInformation";
        public static final String INFORMATION_RECEIVED = "CatchEvent_InformationReceived";
        public static final String RECORD_INFORMATION = "Task_RecordInformation";
        public static final String INFORMATION_TIMEOUT = "Timer_InformationTimeout";
        public static final String RECORD_INFORMATION_TIMEOUT = "Task_RecordInformationTimeout";
        public static final String END_RESOLVED = "EndEvent_Resolved";
        public static final String REMINDER_START = "StartEvent_ReminderDue";
        public static final String REMIND = "Task_RemindBody";
        public static final String DEADLINE_START = "StartEvent_DeadlineReached";
        public static final String MARK_OVERDUE = "Task_MarkOverdue";
        public static final String REVIEW_OVERDUE = "UserTask_ReviewOverdue";
        public static final String END_OVERDUE_REVIEWED = "EndEvent_OverdueReviewed";
        public static final String ANSWER = "Task_AnswerCitizen";
        public static final String AWAIT_RATING = "Gateway_AwaitRating";
        public static final String CITIZEN_RATED = "CatchEvent_CitizenRated";
        public static final String RATING_TIMEOUT = "Timer_RatingTimeout";
        public static final String RECORD_RATING = "Task_RecordRating";
        public static final String GATEWAY_LOW_RATING = "Gateway_LowRating";
        public static final String REVIEW_LOW_RATING = "UserTask_ReviewLowRating";
        public static final String GATEWAY_REVIEW_DECISION = "Gateway_ReviewDecision";
        public static final String REOPEN = "Task_ReopenPetition";
        public static final String CLOSE = "Task_ClosePetition";
        public static final String END_CLOSED = "EndEvent_PetitionClosed";

        private Elements() {
        }
    }

    /** Message names. */
    public static final class Messages {
        public static final String CITIZEN_RATED = "Msg_CitizenRated";
        public static final String INFORMATION_RECEIVED = "Msg_InformationReceived";

        private Messages() {
        }
    }

    /** Process variable names. */
    public static final class Vars {
        public static final String PETITION_ID = "petitionId";
        public static final String TRACKING_CODE = "trackingCode";
        public static final String PETITION_TYPE = "petitionType";
        public static final String CATEGORY = "category";
        public static final String AIMAG = "aimag";
        public static final String SOUM = "soum";
        public static final String CHANNEL = "channel";
        /** Whether the petition arrived without text (fax, voicemail): {@link Channel#needsTranscription()}. */
        public static final String NEEDS_TRANSCRIPTION = "needsTranscription";
        public static final String DEADLINES = "deadlines";
        public static final String ROUTING = "routing";
        public static final String PETITION_DUE_DATE = "petitionDueDate";
        /**
         * The due date as the law counts it (calendar days, хоног), before PetitionDeadlines.dmn's policy
         * {@link #DUE_ON_WORKING_DAY} moves it off a day off into {@link #PETITION_DUE_DATE}.
         */
        public static final String CALENDAR_DUE_DATE = "calendarDueDate";
        /** Policy (PetitionDeadlines.dmn): a due date on a day off moves to the next working day. */
        public static final String DUE_ON_WORKING_DAY = "dueOnWorkingDay";
        public static final String REMINDER_DATE = "reminderDate";
        /** When the information timer fires: now + {@link #INFORMATION_WAIT_DAYS}, set when the question goes out. */
        public static final String INFORMATION_DUE_DATE = "informationDueDate";
        /** When the rating timer fires: now + {@link #RATING_WAIT_DAYS}, set when the answer goes out. */
        public static final String RATING_DUE_DATE = "ratingDueDate";
        // PetitionDeadlines.dmn's outputs, under their output names
        public static final String RESOLVE_DAYS = "resolveDays";
        public static final String INFORMATION_WAIT_DAYS = "informationWaitDays";
        public static final String RATING_WAIT_DAYS = "ratingWaitDays";
        public static final String MAX_EXTENSION_DAYS = "maxExtensionDays";
        public static final String REOPEN_DAYS = "reopenDays";
        public static final String REMINDER_DAYS = "reminderDaysBefore";
        public static final String LOW_RATING_THRESHOLD = "lowRatingThreshold";
        /** The citizen's rating is at or below {@link #LOW_RATING_THRESHOLD}: a supervisor reviews the answer. */
        public static final String LOW_RATING = "lowRating";
        public static final String ROUTED_BODY = "routedBody";
        public static final String TRIAGE_GROUP = "triageGroup";
        public static final String BODY_GROUP = "bodyGroup";
        public static final String BODY_HEAD = "bodyHead";
        public static final String SUPERVISOR_GROUP = "supervisorGroup";
        public static final String RESOLVE_ACTION = "resolveAction";
        public static final String ANSWER_TEXT = "answerText";
        public static final String OUTCOME = "outcome";
        public static final String TRANSFER_BODY = "transferBody";
        public static final String TRANSFER_REASON = "transferReason";
        public static final String INFORMATION_QUESTION = "informationQuestion";
        public static final String EXTENSION_DAYS = "extensionDays";
        public static final String EXTENSION_REASON = "extensionReason";
        public static final String EXTENSION_DECISION = "extensionDecision";
        public static final String APPROVAL_NOTE = "approvalNote";
        public static final String EXTENSION_USED = "extensionUsed";
        public static final String REQUESTED_BY = "requestedBy";
        public static final String CITIZEN_RATING = "citizenRating";
        public static final String REVIEW_DECISION = "reviewDecision";
        public static final String REVIEW_NOTE = "reviewNote";
        public static final String TRIAGE_NOTE = "triageNote";
        public static final String THANKS_READ = "thanksRead";
        public static final String THANKS_NOTE = "thanksNote";
        public static final String LAST_ACTOR = "lastActor";
        /** What the official read or heard in a fax or voicemail (DescribePetition form). */
        public static final String PETITION_TEXT = "petitionText";
        public static final String BAG = "bag";

        private Vars() {
        }
    }

    /** The variables with their types: read and written through these, never by casting getVariable. */
    public static final class Data {
        public static final ProcessVariable<Long> PETITION_ID = longVariable(Vars.PETITION_ID);
        public static final ProcessVariable<String> TRACKING_CODE = stringVariable(Vars.TRACKING_CODE);
        public static final ProcessVariable<PetitionType> PETITION_TYPE =
                enumVariable(Vars.PETITION_TYPE, PetitionType.class);
        public static final ProcessVariable<String> CATEGORY = stringVariable(Vars.CATEGORY);
        public static final ProcessVariable<String> AIMAG = stringVariable(Vars.AIMAG);
        public static final ProcessVariable<String> SOUM = stringVariable(Vars.SOUM);
        public static final ProcessVariable<Channel> CHANNEL = enumVariable(Vars.CHANNEL, Channel.class);
        public static final ProcessVariable<Boolean> NEEDS_TRANSCRIPTION = booleanVariable(Vars.NEEDS_TRANSCRIPTION);
        public static final ProcessVariable<Date> PETITION_DUE_DATE = dateVariable(Vars.PETITION_DUE_DATE);
        public static final ProcessVariable<Date> REMINDER_DATE = dateVariable(Vars.REMINDER_DATE);
        public static final ProcessVariable<Date> CALENDAR_DUE_DATE = dateVariable(Vars.CALENDAR_DUE_DATE);
        public static final ProcessVariable<Boolean> DUE_ON_WORKING_DAY = booleanVariable(Vars.DUE_ON_WORKING_DAY);
        public static final ProcessVariable<Date> INFORMATION_DUE_DATE = dateVariable(Vars.INFORMATION_DUE_DATE);
        public static final ProcessVariable<Date> RATING_DUE_DATE = dateVariable(Vars.RATING_DUE_DATE);
        public static final ProcessVariable<Integer> INFORMATION_WAIT_DAYS = intVariable(Vars.INFORMATION_WAIT_DAYS);
        public static final ProcessVariable<Integer> RATING_WAIT_DAYS = intVariable(Vars.RATING_WAIT_DAYS);
        public static final ProcessVariable<Integer> MAX_EXTENSION_DAYS = intVariable(Vars.MAX_EXTENSION_DAYS);
        public static final ProcessVariable<Integer> REOPEN_DAYS = intVariable(Vars.REOPEN_DAYS);
        public static final ProcessVariable<Integer> REMINDER_DAYS = intVariable(Vars.REMINDER_DAYS);
        public static final ProcessVariable<Integer> LOW_RATING_THRESHOLD = intVariable(Vars.LOW_RATING_THRESHOLD);
        public static final ProcessVariable<Boolean> LOW_RATING = booleanVariable(Vars.LOW_RATING);
        public static final ProcessVariable<String> ROUTED_BODY = stringVariable(Vars.ROUTED_BODY);
        public static final ProcessVariable<String> TRIAGE_GROUP = stringVariable(Vars.TRIAGE_GROUP);
        public static final ProcessVariable<String> BODY_GROUP = stringVariable(Vars.BODY_GROUP);
        public static final ProcessVariable<String> BODY_HEAD = stringVariable(Vars.BODY_HEAD);
        public static final ProcessVariable<String> SUPERVISOR_GROUP = stringVariable(Vars.SUPERVISOR_GROUP);
        public static final ProcessVariable<String> RESOLVE_ACTION = stringVariable(Vars.RESOLVE_ACTION);
        public static final ProcessVariable<String> ANSWER_TEXT = stringVariable(Vars.ANSWER_TEXT);
        public static final ProcessVariable<String> OUTCOME = stringVariable(Vars.OUTCOME);
        public static final ProcessVariable<String> TRANSFER_BODY = stringVariable(Vars.TRANSFER_BODY);
        public static final ProcessVariable<String> TRANSFER_REASON = stringVariable(Vars.TRANSFER_REASON);
        public static final ProcessVariable<String> INFORMATION_QUESTION = stringVariable(Vars.INFORMATION_QUESTION);
        public static final ProcessVariable<Integer> EXTENSION_DAYS = intVariable(Vars.EXTENSION_DAYS);
        public static final ProcessVariable<String> EXTENSION_REASON = stringVariable(Vars.EXTENSION_REASON);
        public static final ProcessVariable<String> EXTENSION_DECISION = stringVariable(Vars.EXTENSION_DECISION);
        public static final ProcessVariable<String> APPROVAL_NOTE = stringVariable(Vars.APPROVAL_NOTE);
        public static final ProcessVariable<Boolean> EXTENSION_USED = booleanVariable(Vars.EXTENSION_USED);
        public static final ProcessVariable<Integer> CITIZEN_RATING = intVariable(Vars.CITIZEN_RATING);
        public static final ProcessVariable<String> REVIEW_DECISION = stringVariable(Vars.REVIEW_DECISION);
        public static final ProcessVariable<String> REVIEW_NOTE = stringVariable(Vars.REVIEW_NOTE);
        public static final ProcessVariable<String> TRIAGE_NOTE = stringVariable(Vars.TRIAGE_NOTE);
        public static final ProcessVariable<String> THANKS_NOTE = stringVariable(Vars.THANKS_NOTE);
        public static final ProcessVariable<String> LAST_ACTOR = stringVariable(Vars.LAST_ACTOR);
        public static final ProcessVariable<String> PETITION_TEXT = stringVariable(Vars.PETITION_TEXT);

        private Data() {
        }
    }

    /** Values of the decision variables the gateways look at. */
    public static final class Values {
        public static final String ACTION_ANSWER = "ANSWER";
        public static final String ACTION_EXTEND = "EXTEND";
        public static final String ACTION_TRANSFER = "TRANSFER";
        public static final String ACTION_MORE_INFO = "MORE_INFO";
        public static final String EXTENSION_APPROVE = "APPROVE";
        public static final String EXTENSION_REFUSE = "REFUSE";
        public static final String REVIEW_REOPEN = "REOPEN";
        public static final String REVIEW_CLOSE = "CLOSE";
        public static final String REVIEW_NOTED = "NOTED";

        private Values() {
        }
    }
}
