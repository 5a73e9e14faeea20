package mn.sanal.petitions;

/** How a citizen reached us; answers go back the same way where the channel can carry them. */
public enum Channel {
    SMS, EMAIL, FAX, VOICEMAIL, WEB, WALK_IN, PHONE
}
