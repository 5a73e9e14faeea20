package mn.sanal.polls;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import mn.sanal.citizens.CitizenRegister;

/**
 * {@link VoterRegister} on the citizen register (issue 9): who a phone belongs to through its API; the counts and
 * phone lists a poll needs (of voting age on the closing day, less opt-outs, less those who voted) as SQL over its
 * tables, read in the caller's transaction, because they join the poll's own votes and run over a whole soum.
 */
@Component
class RegisterTables implements VoterRegister {

    private static final String NOT_OPTED_OUT = """
             AND NOT EXISTS (SELECT 1 FROM opt_out o WHERE o.channel = 'SMS' AND o.address = p.phone
                             AND o.opted_out = TRUE)
            """;

    private final CitizenRegister citizens;
    private final JdbcClient jdbc;

    RegisterTables(CitizenRegister citizens, JdbcClient jdbc) {
        this.citizens = citizens;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Voter> byPhone(String phone) {
        return citizens.personOfPhone(phone).map(c -> new Voter(c.id(), c.bagCode(), c.birthDate()));
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
        return jdbc.sql("SELECT p.phone FROM citizen_phone p JOIN citizen c ON c.id = p.citizen_id"
                        + " WHERE c.bag_code = ? AND c.birth_date <= ?" + NOT_OPTED_OUT + " ORDER BY p.phone")
                .params(bagCode, bornOnOrBefore).query(String.class).list();
    }

    @Override
    public List<String> phonesOfNonVoters(long pollId, String bagCode, LocalDate bornOnOrBefore) {
        return jdbc.sql("SELECT p.phone FROM citizen_phone p JOIN citizen c ON c.id = p.citizen_id"
                        + " WHERE c.bag_code = ? AND c.birth_date <= ?" + NOT_OPTED_OUT
                        + " AND NOT EXISTS (SELECT 1 FROM poll_vote v WHERE v.poll_id = ? AND v.person_id = c.id)"
                        + " ORDER BY p.phone")
                .params(bagCode, bornOnOrBefore, pollId).query(String.class).list();
    }
}
