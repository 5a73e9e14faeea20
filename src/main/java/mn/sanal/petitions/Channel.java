package mn.sanal.petitions;

/** How a citizen reached us; answers go back the same way where the channel can carry them. */
public enum Channel {
    SMS("SMS", false),
    EMAIL("Имэйл", false),
    FAX("Факс", true),
    VOICEMAIL("Дуут шуудан", true),
    WEB("Вэб", false),
    WALK_IN("Биечлэн", false),
    PHONE("Утас", false);

    private final String labelMn;
    private final boolean needsTranscription;

    Channel(String labelMn, boolean needsTranscription) {
        this.labelMn = labelMn;
        this.needsTranscription = needsTranscription;
    }

    /**
     * A petition on this channel arrives as a scan or a recording, without text: an official writes it down
     * (PetitionHandling's Gateway_NeedsTranscription reads this through the variable {@code needsTranscription}).
     */
    public boolean needsTranscription() {
        return needsTranscription;
    }

    public String labelMn() {
        return labelMn;
    }
}
