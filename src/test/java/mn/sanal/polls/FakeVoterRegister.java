package mn.sanal.polls;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small register for the process tests (H2, where the register's tables of issue 9 are not yet merged): persons
 * with their bag, birth date and phones. Whether a person voted is read from poll_vote, as the real one does.
 */
class FakeVoterRegister implements VoterRegister {

    record Person(long id, String bag, LocalDate born, List<String> phones) {
    }

    private final Map<Long, Person> persons = new LinkedHashMap<>();
    private final JdbcClient jdbc;

    FakeVoterRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long id, String bag, LocalDate born, String... phones) {
        persons.put(id, new Person(id, bag, born, List.of(phones)));
    }

    void clear() {
        persons.clear();
    }

    @Override
    public Optional<Voter> byPhone(String phone) {
        return persons.values().stream().filter(p -> p.phones().contains(phone)).findFirst()
                .map(p -> new Voter(p.id(), p.bag(), p.born()));
    }

    @Override
    public Map<String, Integer> eligible(Collection<String> bagCodes, LocalDate bornOnOrBefore) {
        Map<String, Integer> m = new LinkedHashMap<>();
        persons.values().stream().filter(p -> bagCodes.contains(p.bag()) && !p.born().isAfter(bornOnOrBefore))
                .forEach(p -> m.merge(p.bag(), 1, Integer::sum));
        return m;
    }

    @Override
    public List<String> phones(String bagCode, LocalDate bornOnOrBefore) {
        List<String> out = new ArrayList<>();
        persons.values().stream().filter(p -> p.bag().equals(bagCode) && !p.born().isAfter(bornOnOrBefore))
                .forEach(p -> out.addAll(p.phones()));
        return out;
    }

    @Override
    public List<String> phonesOfNonVoters(long pollId, String bagCode, LocalDate bornOnOrBefore) {
        List<Long> voted = jdbc.sql("SELECT person_id FROM poll_vote WHERE poll_id = ?").param(pollId)
                .query(Long.class).list();
        List<String> out = new ArrayList<>();
        persons.values().stream().filter(p -> p.bag().equals(bagCode) && !p.born().isAfter(bornOnOrBefore)
                && !voted.contains(p.id())).forEach(p -> out.addAll(p.phones()));
        return out;
    }
}
