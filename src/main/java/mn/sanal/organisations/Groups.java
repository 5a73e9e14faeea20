package mn.sanal.organisations;

/** Camunda group ids for roles that are not a single body. */
public final class Groups {

    /** Sees and triages petitions whose place is unknown. */
    public static final String CLERKS = "clerks";
    /** Deploys and changes the models and rules. */
    public static final String PROCESS_OWNERS = "process-owners";
    /** Camunda's administrators group, created by the starter for the admin user. */
    public static final String ADMINS = "camunda-admin";
    /** Operators of the 11-11 call centre: register what callers say (PetitionRegistration). */
    public static final String CALL_CENTRE = "call-centre";
    /**
     * Heads of bodies (soum governors, khural chairs): log in to Tasklist to decide the tasks assigned to them by name
     * (extensions). Not a body: no candidate tasks, no case of their own.
     */
    public static final String HEADS = "heads";
    public static final String BODY_PREFIX = "body-";
    public static final String MOBILE_HALL_PREFIX = "mobile-hall-";

    private Groups() {
    }

    public static String supervisors(String aimagCode) {
        return "supervisors-" + aimagCode;
    }

    public static String body(String bodyCode) {
        return BODY_PREFIX + bodyCode;
    }

    /** The staff of a soum's mobile citizens' hall (иргэдэд үйлчлэх явуулын танхим), by the soum's short name. */
    public static String mobileHall(String soumShortName) {
        return MOBILE_HALL_PREFIX + soumShortName;
    }
}
