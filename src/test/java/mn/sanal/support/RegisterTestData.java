package mn.sanal.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Process tests of different features share one Spring context, hence one in-memory database: the people one test
 * class puts on the register (and the SMS it queues) would be counted by the next. Each such test starts from an
 * empty register, outbox and opt-out list.
 */
public final class RegisterTestData {

    private RegisterTestData() {
    }

    public static void clear(JdbcClient jdbc) {
        for (String table : new String[] {"outbox", "opt_out", "citizen_phone", "citizen", "register_import"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }
}
