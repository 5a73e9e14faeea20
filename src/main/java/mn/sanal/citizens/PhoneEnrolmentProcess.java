package mn.sanal.citizens;

import static mn.sanal.platform.ProcessVariable.longVariable;
import static mn.sanal.platform.ProcessVariable.stringVariable;

import mn.sanal.platform.ProcessVariable;

/**
 * Names in {@code processes/citizens/PhoneEnrolment.bpmn}: a citizen texted {@code БҮРТГЭЛ <регистр>} from a phone
 * the register does not have; the bag governor (or the soum Governor's office) approves binding it to the person.
 */
public final class PhoneEnrolmentProcess {

    public static final String KEY = "PhoneEnrolment";
    public static final String FORM = "ApprovePhone";

    private PhoneEnrolmentProcess() {
    }

    public static final class Elements {
        public static final String START = "StartEvent_PhoneEnrolmentRequested";
        public static final String APPROVE = "UserTask_ApprovePhone";
        public static final String GATEWAY = "Gateway_PhoneApproved";
        public static final String BIND = "Task_BindPhone";
        public static final String TELL_REFUSED = "Task_TellEnrolmentRefused";
        public static final String END_BOUND = "EndEvent_PhoneBound";
        public static final String END_REFUSED = "EndEvent_EnrolmentRefused";

        private Elements() {
        }
    }

    public static final class Vars {
        public static final String CITIZEN_ID = "citizenId";
        public static final String PHONE = "phone";
        public static final String BAG_GOVERNOR_GROUP = "bagGovernorGroup";
        public static final String SOUM_OFFICE_GROUP = "soumOfficeGroup";
        /** The form's choice: {@value PhoneEnrolmentProcess#APPROVE} or {@value PhoneEnrolmentProcess#REFUSE}. */
        public static final String DECISION = "decision";
        public static final String REFUSAL_REASON = "refusalReason";
        // task-local, shown by the form
        public static final String PERSON_NAME = "personName";
        public static final String REGISTER_NO = "registerNo";
        public static final String BAG_NAME = "bagName";
        public static final String PHONE_SHOWN = "phoneShown";

        private Vars() {
        }
    }

    public static final String APPROVE = "APPROVE";
    public static final String REFUSE = "REFUSE";

    public static final class Data {
        public static final ProcessVariable<Long> CITIZEN_ID = longVariable(Vars.CITIZEN_ID);
        public static final ProcessVariable<String> PHONE = stringVariable(Vars.PHONE);
        public static final ProcessVariable<String> BAG_GOVERNOR_GROUP = stringVariable(Vars.BAG_GOVERNOR_GROUP);
        public static final ProcessVariable<String> SOUM_OFFICE_GROUP = stringVariable(Vars.SOUM_OFFICE_GROUP);
        public static final ProcessVariable<String> DECISION = stringVariable(Vars.DECISION);
        public static final ProcessVariable<String> REFUSAL_REASON = stringVariable(Vars.REFUSAL_REASON);
        public static final ProcessVariable<String> PERSON_NAME = stringVariable(Vars.PERSON_NAME);
        public static final ProcessVariable<String> REGISTER_NO = stringVariable(Vars.REGISTER_NO);
        public static final ProcessVariable<String> BAG_NAME = stringVariable(Vars.BAG_NAME);
        public static final ProcessVariable<String> PHONE_SHOWN = stringVariable(Vars.PHONE_SHOWN);

        private Data() {
        }
    }

    /** The group of a bag's governor (багийн Засаг дарга): {@code bag-governors-<bag code>}. */
    public static String bagGovernors(String bagCode) {
        return "bag-governors-" + bagCode;
    }
}
