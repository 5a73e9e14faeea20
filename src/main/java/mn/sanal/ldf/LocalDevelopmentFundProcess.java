package mn.sanal.ldf;

import static mn.sanal.platform.ProcessVariable.dateVariable;
import static mn.sanal.platform.ProcessVariable.intVariable;
import static mn.sanal.platform.ProcessVariable.longVariable;
import static mn.sanal.platform.ProcessVariable.stringVariable;

import java.util.Date;

import mn.sanal.platform.ProcessVariable;

/**
 * Names in {@code processes/ldf/LocalDevelopmentFund.bpmn} and {@code LdfCalendar.dmn}, used by delegates and tests
 * alike; {@link Data} declares each variable's type once. One instance per soum and year.
 */
public final class LocalDevelopmentFundProcess {

    public static final String KEY = "LocalDevelopmentFund";
    public static final String DECISION_CALENDAR = "LdfCalendar";

    private LocalDevelopmentFundProcess() {
    }

    /** Element ids. */
    public static final class Elements {
        public static final String START = "StartEvent_CycleStarted";
        public static final String OPEN_CYCLE = "Task_OpenCycle";
        public static final String COLLECTION_CLOSED = "Timer_CollectionClosed";
        public static final String CLOSE_COLLECTION = "Task_CloseCollection";
        public static final String BAG_MEETINGS = "SubProcess_BagMeetings";
        public static final String BAG_START = "StartEvent_BagMeeting";
        public static final String GATEWAY_BAG_HAS_PROPOSALS = "Gateway_BagHasProposals";
        public static final String BAG_MEETING = "UserTask_BagMeeting";
        public static final String RECORD_EMPTY_BAG = "Task_RecordEmptyBag";
        public static final String END_BAG_RANKED = "EndEvent_BagRanked";
        public static final String END_BAG_EMPTY = "EndEvent_BagEmpty";
        public static final String START_REVIEW = "Task_StartReview";
        public static final String WORKING_GROUP_REVIEW = "UserTask_WorkingGroupReview";
        public static final String PUBLISH_DRAFT = "Task_PublishDraft";
        public static final String COMMENT_PERIOD_OVER = "Timer_CommentPeriodOver";
        public static final String KHURAL_APPROVAL = "UserTask_KhuralApproval";
        public static final String TELL_AUTHORS = "Task_TellAuthors";
        public static final String GATEWAY_ANY_APPROVED = "Gateway_AnyApproved";
        public static final String PROJECTS = "SubProcess_Projects";
        public static final String PROJECT_START = "StartEvent_Project";
        public static final String CONTRACT = "UserTask_Contract";
        public static final String WORKS = "SubProcess_Works";
        public static final String WORKS_START = "StartEvent_Works";
        public static final String NEXT_REPORT = "Timer_NextReport";
        public static final String REPORT_PROGRESS = "UserTask_ReportProgress";
        public static final String GATEWAY_WORKS_FINISHED = "Gateway_WorksFinished";
        public static final String END_WORKS = "EndEvent_WorksFinished";
        public static final String QUARTERLY_REVIEW_DUE = "BoundaryEvent_QuarterlyReviewDue";
        public static final String OVERSIGHT_REVIEW = "UserTask_OversightReview";
        public static final String REVIEW_REMINDER = "BoundaryEvent_ReviewReminder";
        public static final String REMIND_REVIEWERS = "Task_RemindReviewers";
        public static final String END_REMINDED = "EndEvent_ReviewersReminded";
        public static final String REVIEW_ESCALATION = "BoundaryEvent_ReviewEscalation";
        public static final String MISSED_REVIEW = "UserTask_MissedReview";
        public static final String END_MISSED_REVIEW = "EndEvent_MissedReviewHandled";
        public static final String GATEWAY_REVIEW_POOR = "Gateway_ReviewPoor";
        public static final String POOR_REVIEW = "UserTask_PoorReview";
        public static final String END_POOR_REVIEW = "EndEvent_PoorReviewHandled";
        public static final String END_REVIEW = "EndEvent_ReviewDone";
        public static final String FINAL_REVIEW = "UserTask_FinalReview";
        public static final String GATEWAY_FINAL_POOR = "Gateway_FinalReviewPoor";
        public static final String FINAL_POOR_REVIEW = "UserTask_FinalPoorReview";
        public static final String GATEWAY_JOIN_FINAL = "Gateway_JoinFinalReview";
        public static final String ACCEPTANCE = "UserTask_Acceptance";
        public static final String ASK_VERDICT = "Task_AskVerdict";
        public static final String VERDICT_CLOSED = "Timer_VerdictClosed";
        public static final String TALLY_VERDICT = "Task_TallyVerdict";
        public static final String GATEWAY_LOW_VERDICT = "Gateway_LowVerdict";
        public static final String VERDICT_REVIEW = "UserTask_VerdictReview";
        public static final String GATEWAY_JOIN_VERDICT = "Gateway_JoinVerdict";
        public static final String END_PROJECT = "EndEvent_ProjectDone";
        public static final String GATEWAY_JOIN_REPORT = "Gateway_JoinReport";
        public static final String YEAR_REPORT = "Task_YearReport";
        public static final String ANNUAL_HEARING = "UserTask_AnnualHearing";
        public static final String CLOSE_CYCLE = "Task_CloseCycle";
        public static final String END_CLOSED = "EndEvent_CycleClosed";

        private Elements() {
        }
    }

    /** Form ids (forms/ldf). */
    public static final class Forms {
        public static final String START = "LdfStartCycle";
        public static final String BAG_MEETING = "LdfBagMeeting";
        public static final String WORKING_GROUP = "LdfWorkingGroupReview";
        public static final String KHURAL = "LdfKhuralApproval";
        public static final String CONTRACT = "LdfContract";
        public static final String PROGRESS = "LdfProgressReport";
        public static final String OVERSIGHT = "LdfOversightReview";
        public static final String FOLLOW_UP = "LdfFollowUp";
        public static final String ACCEPTANCE = "LdfAcceptance";
        public static final String HEARING = "LdfAnnualHearing";

        private Forms() {
        }
    }

    /** Process variable names. */
    public static final class Vars {
        // start form
        public static final String SOUM = "soum";
        public static final String YEAR = "year";
        public static final String FUND_AMOUNT = "fundAmount";
        public static final String INITIATOR = "initiator";
        // set when the cycle opens
        public static final String CYCLE_ID = "cycleId";
        public static final String COLLECTION_CLOSES_AT = "collectionClosesAt";
        public static final String OFFICE_GROUP = "officeGroup";
        public static final String KHURAL_GROUP = "khuralGroup";
        public static final String KHURAL_CHAIR = "khuralChair";
        public static final String GOVERNOR = "governor";
        public static final String WORKING_GROUP = "workingGroup";
        public static final String COMMISSION_GROUP = "commissionGroup";
        public static final String BAG_MEETINGS_DUE_AT = "bagMeetingsDueAt";
        public static final String REVIEW_DUE_AT = "reviewDueAt";
        public static final String COMMENT_ENDS_AT = "commentEndsAt";
        public static final String KHURAL_DUE_AT = "khuralDueAt";
        public static final String PROGRESS_REPORT_INTERVAL = "progressReportInterval";
        public static final String REVIEW_CYCLE = "reviewCycle";
        public static final String REVIEW_REMINDER_AFTER = "reviewReminderAfter";
        public static final String REVIEW_ESCALATION_AFTER = "reviewEscalationAfter";
        public static final String VERDICT_PERIOD = "verdictPeriod";
        public static final String APPROVED_COUNT = "approvedCount";
        // multi-instance element variables
        public static final String BAG_CODE = "bagCode";
        public static final String PROJECT_ID = "projectId";

        private Vars() {
        }
    }

    /** Typed declarations of the variables above. */
    public static final class Data {
        public static final ProcessVariable<String> SOUM = stringVariable(Vars.SOUM);
        public static final ProcessVariable<Integer> YEAR = intVariable(Vars.YEAR);
        public static final ProcessVariable<Long> FUND_AMOUNT = longVariable(Vars.FUND_AMOUNT);
        public static final ProcessVariable<String> INITIATOR = stringVariable(Vars.INITIATOR);
        public static final ProcessVariable<Long> CYCLE_ID = longVariable(Vars.CYCLE_ID);
        public static final ProcessVariable<Date> COLLECTION_CLOSES_AT = dateVariable(Vars.COLLECTION_CLOSES_AT);
        public static final ProcessVariable<String> OFFICE_GROUP = stringVariable(Vars.OFFICE_GROUP);
        public static final ProcessVariable<String> KHURAL_GROUP = stringVariable(Vars.KHURAL_GROUP);
        public static final ProcessVariable<String> KHURAL_CHAIR = stringVariable(Vars.KHURAL_CHAIR);
        public static final ProcessVariable<String> GOVERNOR = stringVariable(Vars.GOVERNOR);
        public static final ProcessVariable<String> WORKING_GROUP = stringVariable(Vars.WORKING_GROUP);
        public static final ProcessVariable<String> COMMISSION_GROUP = stringVariable(Vars.COMMISSION_GROUP);
        public static final ProcessVariable<Date> BAG_MEETINGS_DUE_AT = dateVariable(Vars.BAG_MEETINGS_DUE_AT);
        public static final ProcessVariable<Date> REVIEW_DUE_AT = dateVariable(Vars.REVIEW_DUE_AT);
        public static final ProcessVariable<Date> COMMENT_ENDS_AT = dateVariable(Vars.COMMENT_ENDS_AT);
        public static final ProcessVariable<Date> KHURAL_DUE_AT = dateVariable(Vars.KHURAL_DUE_AT);
        public static final ProcessVariable<String> PROGRESS_REPORT_INTERVAL =
                stringVariable(Vars.PROGRESS_REPORT_INTERVAL);
        public static final ProcessVariable<String> REVIEW_CYCLE = stringVariable(Vars.REVIEW_CYCLE);
        public static final ProcessVariable<String> REVIEW_REMINDER_AFTER = stringVariable(Vars.REVIEW_REMINDER_AFTER);
        public static final ProcessVariable<String> REVIEW_ESCALATION_AFTER =
                stringVariable(Vars.REVIEW_ESCALATION_AFTER);
        public static final ProcessVariable<String> VERDICT_PERIOD = stringVariable(Vars.VERDICT_PERIOD);
        public static final ProcessVariable<Integer> APPROVED_COUNT = intVariable(Vars.APPROVED_COUNT);
        public static final ProcessVariable<String> BAG_CODE = stringVariable(Vars.BAG_CODE);
        public static final ProcessVariable<Long> PROJECT_ID = longVariable(Vars.PROJECT_ID);

        private Data() {
        }
    }
}
