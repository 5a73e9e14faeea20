package mn.sanal.petitions;

import java.time.OffsetDateTime;

/** One line of a petition's history: a status change or a note, with time and actor. */
public record PetitionEvent(long id, long petitionId, OffsetDateTime at, String status, String actor, String note) {
}
