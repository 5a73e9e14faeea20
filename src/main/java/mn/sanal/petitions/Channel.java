package mn.sanal.petitions;

/** How a citizen reached us; answers go back the same way where the channel can carry them. */
public enum Channel {
    SMS("SMS"),
    EMAIL("Имэйл"),
    FAX("Факс"),
    VOICEMAIL("Дуут шуудан"),
    WEB("Вэб"),
    WALK_IN("Биечлэн"),
    PHONE("Утас");

    private final String labelMn;

    Channel(String labelMn) {
        this.labelMn = labelMn;
    }

    public String labelMn() {
        return labelMn;
    }
}
