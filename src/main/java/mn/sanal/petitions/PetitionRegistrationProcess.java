package mn.sanal.petitions;

import static mn.sanal.platform.ProcessVariable.longVariable;
import static mn.sanal.platform.ProcessVariable.stringVariable;

import java.util.List;

import mn.sanal.platform.ProcessVariable;

/**
 * Names in {@code processes/petitions/PetitionRegistration.bpmn}: an official, a clerk or a call-centre operator
 * registers a petition a citizen brings in person or tells by phone (start form {@value #START_FORM}), and reads the
 * receipt (tracking code, due date) to give the citizen.
 */
public final class PetitionRegistrationProcess {

    public static final String KEY = "PetitionRegistration";
    public static final String START_FORM = "RegisterPetition";
    public static final String RECEIPT_FORM = "PetitionReceipt";

    private PetitionRegistrationProcess() {
    }

    /** Element ids. */
    public static final class Elements {
        public static final String START = "StartEvent_PetitionBrought";
        public static final String REGISTER = "Task_RegisterPetition";
        public static final String RECEIPT = "UserTask_GiveReceipt";
        public static final String END = "EndEvent_CitizenInformed";

        private Elements() {
        }
    }

    /** Process variables: what the start form submits, and what the receipt shows. */
    public static final class Vars {
        // the start form's fields
        public static final String CHANNEL = "channel";
        public static final String CITIZEN_NAME = "citizenName";
        public static final String CITIZEN_PHONE = "citizenPhone";
        public static final String CITIZEN_EMAIL = "citizenEmail";
        public static final String PETITION_TYPE = "petitionType";
        public static final String CATEGORY = "category";
        public static final String AIMAG = "aimag";
        public static final String SOUM = "soum";
        public static final String BAG = "bag";
        public static final String ADDRESS = "address";
        public static final String PETITION_TEXT = "petitionText";
        /** Every key the start form submits; anything else submitted is refused. */
        public static final List<String> FORM_FIELDS = List.of(CHANNEL, CITIZEN_NAME, CITIZEN_PHONE, CITIZEN_EMAIL,
                PETITION_TYPE, CATEGORY, AIMAG, SOUM, BAG, ADDRESS, PETITION_TEXT);

        /**
         * The starter ({@code camunda:initiator}), to whom the receipt goes. A start form could submit it too: the
         * registration refuses to go on unless it is the authenticated user.
         */
        public static final String REGISTRAR = "registrar";
        public static final String PETITION_ID = "petitionId";
        public static final String TRACKING_CODE = "trackingCode";
        public static final String DUE_DATE_TEXT = "dueDateText";
        public static final String CITIZEN_TOLD = "citizenTold";
        public static final String STATUS_HELP = "statusHelp";

        private Vars() {
        }
    }

    /**
     * The variables with their types. What the start form submits is text (a choice submits its value's name); the
     * registration turns it into a petition's types, refusing with the field's name what does not fit.
     */
    public static final class Data {
        public static final ProcessVariable<String> CHANNEL = stringVariable(Vars.CHANNEL);
        public static final ProcessVariable<String> CITIZEN_NAME = stringVariable(Vars.CITIZEN_NAME);
        public static final ProcessVariable<String> CITIZEN_PHONE = stringVariable(Vars.CITIZEN_PHONE);
        public static final ProcessVariable<String> CITIZEN_EMAIL = stringVariable(Vars.CITIZEN_EMAIL);
        public static final ProcessVariable<String> PETITION_TYPE = stringVariable(Vars.PETITION_TYPE);
        public static final ProcessVariable<String> CATEGORY = stringVariable(Vars.CATEGORY);
        public static final ProcessVariable<String> AIMAG = stringVariable(Vars.AIMAG);
        public static final ProcessVariable<String> SOUM = stringVariable(Vars.SOUM);
        public static final ProcessVariable<String> BAG = stringVariable(Vars.BAG);
        public static final ProcessVariable<String> ADDRESS = stringVariable(Vars.ADDRESS);
        public static final ProcessVariable<String> PETITION_TEXT = stringVariable(Vars.PETITION_TEXT);
        public static final ProcessVariable<String> REGISTRAR = stringVariable(Vars.REGISTRAR);
        public static final ProcessVariable<Long> PETITION_ID = longVariable(Vars.PETITION_ID);
        public static final ProcessVariable<String> TRACKING_CODE = stringVariable(Vars.TRACKING_CODE);
        public static final ProcessVariable<String> DUE_DATE_TEXT = stringVariable(Vars.DUE_DATE_TEXT);
        public static final ProcessVariable<String> CITIZEN_TOLD = stringVariable(Vars.CITIZEN_TOLD);
        public static final ProcessVariable<String> STATUS_HELP = stringVariable(Vars.STATUS_HELP);

        private Data() {
        }
    }

    /** Values of {@link Vars#CHANNEL}: the channels a registrar may record. */
    public static final List<Channel> CHANNELS = List.of(Channel.WALK_IN, Channel.PHONE);
}
