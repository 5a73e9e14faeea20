package mn.sanal.organisations;

/** A resolved place: aimag, soum and bag codes, each possibly null, always consistent with each other. */
public record Place(String aimagCode, String soumCode, String bagCode) {

    public static final Place UNKNOWN = new Place(null, null, null);

    public boolean isKnown() {
        return aimagCode != null;
    }
}
