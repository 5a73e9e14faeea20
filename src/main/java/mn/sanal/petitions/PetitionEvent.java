package mn.sanal.petitions;

import java.time.OffsetDateTime;

/**
 * One line of a petition's history, with time and actor: a status change (then {@code status} is the new status), or
 * one of the other kinds, whose {@code status} is null.
 */
public record PetitionEvent(long id, long petitionId, OffsetDateTime at, Kind kind, PetitionStatus status,
                            String actor, String note) {

    /** What a history line records. The Mongolian label is what officials read in the case history. */
    public enum Kind {
        STATUS(null),
        NOTE("Тэмдэглэл"),
        OVERDUE("Хугацаа хэтэрсэн"),
        RATED("Иргэн үнэлсэн"),
        CITIZEN_INFORMATION("Иргэний нэмэлт мэдээлэл"),
        /** The citizen added to the open case (a follow-up by code or mail thread). */
        FOLLOW_UP("Иргэн нэмэлт мэдээлэл ирүүлсэн"),
        /** The closed case the citizen wrote about again; the note names the new petition. */
        CONTINUED("Иргэн дахин хандсан");

        private final String labelMn;

        Kind(String labelMn) {
            this.labelMn = labelMn;
        }
    }

    /** What the line is, in Mongolian: the status's label, or the kind's. */
    public String labelMn() {
        return kind == Kind.STATUS ? status.labelMn() : kind.labelMn;
    }
}
