package mn.sanal.petitions;

/**
 * Names in {@code processes/petitions/PetitionHandling.bpmn} and its DMN tables, used by delegates and tests alike.
 */
public final class PetitionHandlingProcess {

    public static final String KEY = "PetitionHandling";
    public static final String DECISION_ROUTING = "PetitionRouting";
    public static final String DECISION_DEADLINES = "PetitionDeadlines";

    private PetitionHandlingProcess() {
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
        public static final String INFORMATION_TIMEOUT = "Timer_InformationTimeout";
        public static final String RECORD_INFORMATION_TIMEOUT = "Task_RecordInformationTimeout";
        public static final String END_RESOLVED = "EndEvent_Resolved";
        public static final String REMINDER_START = "StartEvent_ReminderDue";
        public static final String REMIND = "Task_RemindBody";
        public static final String DEADLINE_START = "StartEvent_DeadlineReached";
        public static final String MARK_OVERDUE = "Task_MarkOverdue";
        public static final String REVIEW_OVERDUE = "UserTask_ReviewOverdue";
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
        public static final String DEADLINES = "deadlines";
        public static final String ROUTING = "routing";
        public static final String PETITION_DUE_DATE = "petitionDueDate";
        public static final String REMINDER_DATE = "reminderDate";
        public static final String INFORMATION_WAIT = "informationWait";
        public static final String RATING_WAIT = "ratingWait";
        public static final String MAX_EXTENSION_DAYS = "maxExtensionDays";
        public static final String REOPEN_DAYS = "reopenDays";
        public static final String REMINDER_DAYS = "reminderDaysBefore";
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
