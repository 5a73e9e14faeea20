package mn.sanal.polls;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link VoterRegister} on the register's tables (issue 9, V40: citizen, citizen_phone), read in the caller's
 * transaction.
 */
@Component
class RegisterTables implements VoterRegister {

    private final JdbcClient jdbc;

    RegisterTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Voter> byPhone(String phone) {
        return jdbc.sql("""
                SELECT c.id, c.bag_code, c.birth_date FROM citizen_phone p JOIN citizen c ON c.id = p.citizen_id
                WHERE p.phone = ?
                """).param(phone)
                .query((rs, n) -> new Voter(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
                .optional();
    }

    @Override
    public Map<String, Integer> eligible(Collection<String> bagCodes, LocalDate bornOnOrBefore) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (bagCodes.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                SELECT bag_code, COUNT(*) FROM citizen WHERE bag_code IN (:bags) AND birth_date <= :born
                GROUP BY bag_code
                """).param("bags", bagCodes).param("born", bornOnOrBefore)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    @Override
    public List<String> phones(String bagCode, LocalDate bornOnOrBefore) {
        return jdbc.sql("""
                SELECT p.phone FROM citizen_phone p JOIN citizen c ON c.id = p.citizen_id
                WHERE c.bag_code = ? AND c.birth_date <= ? ORDER BY p.phone
                """).params(bagCode, bornOnOrBefore).query(String.class).list();
    }

    @Override
    public List<String> phonesOfNonVoters(long pollId, String bagCode, LocalDate bornOnOrBefore) {
        return jdbc.sql("""
                SELECT p.phone FROM citizen_phone p JOIN citizen c ON c.id = p.citizen_id
                WHERE c.bag_code = ? AND c.birth_date <= ?
                  AND NOT EXISTS (SELECT 1 FROM poll_vote v WHERE v.poll_id = ? AND v.person_id = c.id)
                ORDER BY p.phone
                """).params(bagCode, bornOnOrBefore, pollId).query(String.class).list();
    }
}
