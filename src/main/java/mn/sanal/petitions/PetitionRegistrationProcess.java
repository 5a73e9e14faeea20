package mn.sanal.petitions;

import java.util.List;

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

    /** Values of {@link Vars#CHANNEL}: the channels a registrar may record. */
    public static final List<Channel> CHANNELS = List.of(Channel.WALK_IN, Channel.PHONE);
}
