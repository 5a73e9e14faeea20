package mn.sanal.ldf;

/** Camunda group ids of the fund's roles (created by {@link LdfAccess}). */
public final class LdfGroups {

    private LdfGroups() {
    }

    /**
     * The bag Governor (багийн Засаг дарга): enters paper proposals, records the bag meeting. One group per bag for
     * every feature: the register's (who also approves phones enrolled by SMS).
     */
    public static String bagGovernors(String bagCode) {
        return mn.sanal.citizens.PhoneEnrolmentProcess.bagGovernors(bagCode);
    }

    /** The soum Khural's representatives elected from the bag: oversight reviews of the bag's projects. */
    public static String khuralReps(String bagCode) {
        return "khural-reps-" + bagCode;
    }

    /** The soum working group (7 or more, appointed by the Governor). */
    public static String workingGroup(String soumCode) {
        return "ldf-working-group-" + soumCode;
    }

    /** The commission that accepts finished works. */
    public static String commission(String soumCode) {
        return "ldf-commission-" + soumCode;
    }
}
