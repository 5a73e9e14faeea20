package mn.sanal.citizens;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import mn.sanal.citizens.PhoneEnrolmentProcess.Data;
import mn.sanal.organisations.Body;
import mn.sanal.organisations.OrganisationService;
import mn.sanal.platform.Clocks;
import mn.sanal.platform.Hashes;

/**
 * Binding phones to people: at once when the register already has the phone for that person, after the bag
 * governor's approval (PhoneEnrolment) when it does not. This feature starts and serves its own process.
 */
@Service
public class PhoneEnrolments {

    public enum Outcome { BOUND, PENDING, OTHER_PERSON }

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final OrganisationService organisations;

    PhoneEnrolments(JdbcClient jdbc, RuntimeService runtime, OrganisationService organisations) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.organisations = organisations;
    }

    /** In the caller's (intake's) transaction. {@code phone} in the stored form. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome request(Citizen person, String phone) {
        Long owner = jdbc.sql("SELECT citizen_id FROM citizen_phone WHERE phone = ?").param(phone).query(Long.class)
                .optional().orElse(null);
        if (owner != null) {
            return owner == person.id() ? Outcome.BOUND : Outcome.OTHER_PERSON;
        }
        String key = businessKey(person.id(), phone);
        if (runtime.createProcessInstanceQuery().processDefinitionKey(PhoneEnrolmentProcess.KEY)
                .processInstanceBusinessKey(key).count() == 0) {
            Map<String, Object> vars = new HashMap<>();
            Data.CITIZEN_ID.put(vars, person.id());
            Data.PHONE.put(vars, phone);
            Data.BAG_GOVERNOR_GROUP.put(vars, PhoneEnrolmentProcess.bagGovernors(person.bagCode()));
            Data.SOUM_OFFICE_GROUP.put(vars, organisations.findBody(Body.Kind.GOVERNOR_OFFICE, person.soumCode(),
                    null).map(Body::groupId).orElse(PhoneEnrolmentProcess.bagGovernors(person.bagCode())));
            runtime.startProcessInstanceByKey(PhoneEnrolmentProcess.KEY, key, vars);
        }
        return Outcome.PENDING;
    }

    /** Binds the phone after approval; false if it was bound to somebody else meanwhile. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean bind(long citizenId, String phone) {
        OffsetDateTime now = Clocks.now();
        jdbc.sql("""
                INSERT INTO citizen_phone (phone, citizen_id, source, added_at)
                SELECT ?, ?, 'SMS_ENROLMENT', ? WHERE NOT EXISTS (SELECT 1 FROM citizen_phone WHERE phone = ?)
                """).params(phone, citizenId, now, phone).update();
        return jdbc.sql("SELECT citizen_id FROM citizen_phone WHERE phone = ?").param(phone).query(Long.class)
                .single() == citizenId;
    }

    /** No phone in the business key (Cockpit shows it): a hash of person and phone. */
    static String businessKey(long citizenId, String phone) {
        return "enrolment:" + Hashes.sha256Hex(citizenId + ":" + phone).substring(0, 16);
    }
}
