package mn.sanal.polls;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a poll needs of the citizen register (issue 9): who a phone belongs to, how many residents of a bag may vote,
 * and the phones to tell. One person may have several phones; a phone belongs to one person.
 */
public interface VoterRegister {

    /**
     * A registered person as a poll sees them: the register's id, the bag of residence, the birth date (the register
     * reads it from the register number).
     */
    record Voter(long personId, String bagCode, LocalDate birthDate) {
    }

    /** The person this phone (976XXXXXXXX) belongs to, if it is on the register. */
    Optional<Voter> byPhone(String phone);

    /** Per bag: the registered residents born on or before {@code bornOnOrBefore} (the eligible register). */
    Map<String, Integer> eligible(Collection<String> bagCodes, LocalDate bornOnOrBefore);

    /**
     * The registered phones of the bag's residents born on or before the date, one entry per phone, less the phones
     * that opted out of broadcasts ({@code ЗОГС}).
     */
    List<String> phones(String bagCode, LocalDate bornOnOrBefore);

    /** As {@link #phones}, only of the persons who have no vote in the poll. */
    List<String> phonesOfNonVoters(long pollId, String bagCode, LocalDate bornOnOrBefore);
}
