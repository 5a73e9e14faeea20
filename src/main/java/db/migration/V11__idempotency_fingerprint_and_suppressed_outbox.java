package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 7 (web hardening), on H2 and PostgreSQL alike:
 * <ul>
 * <li>{@code inbound_message.request_fingerprint}: a hash of the content a client-chosen id (a web
 * {@code Idempotency-Key}) was first sent with; the same id with other content replays nothing.</li>
 * <li>{@code outbox.recipient_key}: the recipient as the acknowledgement limit counts it (lower case, a mail address
 * without its +tag), and the outbox status SUPPRESSED for acknowledgements held back by that limit.</li>
 * </ul>
 * A Java migration because the outbox's status CHECK was created without a name: PostgreSQL calls it
 * {@code outbox_status_check}, H2 {@code CONSTRAINT_...}; it is found by its clause in the information schema.
 */
public class V11__idempotency_fingerprint_and_suppressed_outbox extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<String> statusChecks = new ArrayList<>();
        try (PreparedStatement find = connection.prepareStatement("""
                SELECT tc.constraint_name FROM information_schema.table_constraints tc
                JOIN information_schema.check_constraints cc
                  ON cc.constraint_schema = tc.constraint_schema AND cc.constraint_name = tc.constraint_name
                WHERE lower(tc.table_name) = 'outbox' AND tc.constraint_type = 'CHECK'
                  AND lower(tc.table_schema) = lower(?) AND cc.check_clause LIKE '%PENDING%'
                """)) {
            find.setString(1, connection.getSchema());
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    statusChecks.add(rs.getString(1));
                }
            }
        }
        if (statusChecks.size() != 1) {
            throw new IllegalStateException("Expected one status check on outbox, found " + statusChecks);
        }
        try (Statement s = connection.createStatement()) {
            s.execute("ALTER TABLE inbound_message ADD COLUMN request_fingerprint VARCHAR(64)");
            s.execute("ALTER TABLE outbox ADD COLUMN recipient_key VARCHAR(320)");
            s.execute("UPDATE outbox SET recipient_key = LOWER(recipient)");
            s.execute("CREATE INDEX outbox_recipient_key_idx ON outbox (recipient_key, created_at)");
            s.execute("ALTER TABLE outbox DROP CONSTRAINT \"" + statusChecks.get(0).replace("\"", "\"\"") + "\"");
            s.execute("ALTER TABLE outbox ADD CONSTRAINT outbox_status_check "
                    + "CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SUPPRESSED'))");
        }
    }
}
