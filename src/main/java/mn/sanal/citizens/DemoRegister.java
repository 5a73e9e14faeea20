package mn.sanal.citizens;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import mn.sanal.platform.Clocks;
import mn.sanal.platform.Hashes;

/**
 * Loads the synthetic demo register ({@link DemoRegisterData}) at start when the demo organisation is on (default
 * and postgres profiles; never prod) and {@code sanal.citizens.demo-register} is not false (the test and it profiles
 * switch it off; a test that wants it sets it). Once per database: each soum's load is recorded as an import by
 * {@value #IMPORTED_BY} with the generator's fingerprint, and a soum already loaded is skipped.
 * Batch inserts of {@value #BATCH} rows.
 */
@Component
@ConditionalOnExpression("${sanal.demo.enabled:false} and ${sanal.citizens.demo-register:true}")
class DemoRegister {

    static final String IMPORTED_BY = "demo";
    private static final String GENERATOR = "sanal-demo-register-v1";
    private static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(DemoRegister.class);

    private final JdbcTemplate jdbc;

    DemoRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    @Transactional
    void load() {
        long started = System.nanoTime();
        Set<String> missing = new TreeSet<>();
        for (String bag : DemoRegisterData.BAGS.keySet()) {
            String soum = bag.substring(0, bag.lastIndexOf('.'));
            Integer done = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM register_import WHERE imported_by = ? AND file_sha256 = ?", Integer.class,
                    IMPORTED_BY, fingerprint(soum));
            if (done == null || done == 0) {
                missing.add(soum);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        List<DemoRegisterData.Person> all = DemoRegisterData.people();
        long generated = System.nanoTime();
        Map<String, List<DemoRegisterData.Person>> bySoum = all.stream()
                .filter(p -> missing.contains(p.soumCode()))
                .collect(Collectors.groupingBy(DemoRegisterData.Person::soumCode, TreeMap::new, Collectors.toList()));
        int people = 0;
        int phones = 0;
        for (Map.Entry<String, List<DemoRegisterData.Person>> soum : bySoum.entrySet()) {
            int[] counts = insert(soum.getValue());
            people += counts[0];
            phones += counts[1];
            jdbc.update("""
                    INSERT INTO register_import (soum_code, imported_by, imported_at, file_name, file_sha256,
                      rows_total, rows_added, rows_updated, rows_moved, rows_unchanged, rows_refused, phones_added)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?)
                    """, soum.getKey(), IMPORTED_BY, Clocks.now(), GENERATOR, fingerprint(soum.getKey()), counts[0],
                    counts[0], counts[1]);
        }
        if (people > 0) {
            log.info("Demo citizen register loaded: {} people, {} phones in {} ms ({} ms of it generating)", people,
                    phones, (System.nanoTime() - started) / 1_000_000, (generated - started) / 1_000_000);
        }
    }

    private static String fingerprint(String soum) {
        return Hashes.sha256Hex(GENERATOR + ":" + soum);
    }

    /** Returns {people inserted, phones inserted}. */
    private int[] insert(List<DemoRegisterData.Person> people) {
        Timestamp now = Timestamp.from(Clocks.now().toInstant());
        List<Object[]> citizens = new ArrayList<>(people.size());
        List<Object[]> phones = new ArrayList<>();
        for (DemoRegisterData.Person p : people) {
            citizens.add(new Object[] {p.registerNo(), p.familyName(), p.givenName(), Date.valueOf(p.birthDate()),
                    p.aimagCode(), p.soumCode(), p.bagCode(), now, now});
            for (String phone : p.phones()) {
                phones.add(new Object[] {phone, now, p.registerNo()});
            }
        }
        for (int from = 0; from < citizens.size(); from += BATCH) {
            jdbc.batchUpdate("""
                    INSERT INTO citizen (register_no, family_name, given_name, birth_date, aimag_code, soum_code,
                      bag_code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, citizens.subList(from, Math.min(from + BATCH, citizens.size())));
        }
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("SELECT register_no, id FROM citizen WHERE soum_code = ?",
                (ResultSet rs) -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                }, people.get(0).soumCode());
        for (Object[] phone : phones) {
            phone[2] = ids.get((String) phone[2]);
        }
        for (int from = 0; from < phones.size(); from += BATCH) {
            jdbc.batchUpdate("INSERT INTO citizen_phone (phone, added_at, citizen_id, source) VALUES (?, ?, ?, 'DEMO')",
                    phones.subList(from, Math.min(from + BATCH, phones.size())));
        }
        return new int[] {citizens.size(), phones.size()};
    }
}
