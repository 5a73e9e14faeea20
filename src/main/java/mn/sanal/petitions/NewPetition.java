package mn.sanal.petitions;

import java.time.OffsetDateTime;

/**
 * What a channel knows about a new petition. {@code channelMessageId} is the channel's own id of the message (SMSC
 * message id, Message-ID, spool file name...); text may be empty only for channels whose content an official
 * transcribes (fax, voicemail).
 */
public record NewPetition(
        Channel channel,
        String channelMessageId,
        PetitionType type,
        String text,
        String contactPhone,
        String contactEmail,
        String contactFax,
        String citizenName,
        String category,
        Location location,
        OffsetDateTime receivedAt) {

    /** The most a citizen may write in a petition or a reply, on every channel (refused and told above it). */
    public static final int MAX_TEXT_LENGTH = 10_000;

    /** Where the petition is about; every part optional, codes as in org_unit. */
    public record Location(String aimagCode, String soumCode, String bagCode, String addressText, Double latitude,
                           Double longitude) {
        public static final Location UNKNOWN = new Location(null, null, null, null, null, null);
    }
}
