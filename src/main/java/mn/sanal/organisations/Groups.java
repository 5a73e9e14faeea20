package mn.sanal.organisations;

/** Camunda group ids for roles that are not a single body. */
public final class Groups {

    /** Sees and triages petitions whose place is unknown. */
    public static final String CLERKS = "clerks";
    /** Deploys and changes the models and rules. */
    public static final String PROCESS_OWNERS = "process-owners";
    /** Camunda's administrators group, created by the starter for the admin user. */
    public static final String ADMINS = "camunda-admin";

    private Groups() {
    }

    public static String supervisors(String aimagCode) {
        return "supervisors-" + aimagCode;
    }

    public static String body(String bodyCode) {
        return "body-" + bodyCode;
    }
}
