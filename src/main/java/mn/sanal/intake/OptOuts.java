package mn.sanal.intake;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import mn.sanal.petitions.Channel;
import mn.sanal.platform.Clocks;

/**
 * Who opted out of broadcasts (ЗОГС / STOP) and not back in (ЭХЛЭХ / START), per channel and address: a phone number
 * for SMS, a mail address for mail. Answers to a citizen's own petition still go. Intake owns it, for every channel.
 */
@Repository
public class OptOuts {

    private final JdbcClient jdbc;

    OptOuts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the intake's transaction, with the rest of what the message caused. */
    @Transactional(propagation = Propagation.MANDATORY)
    void set(Channel channel, String address, boolean optedOut) {
        OffsetDateTime now = Clocks.now();
        String a = normal(channel, address);
        int n = jdbc.sql("UPDATE opt_out SET opted_out = ?, updated_at = ? WHERE channel = ? AND address = ?")
                .params(optedOut, now, channel.name(), a).update();
        if (n == 0) {
            jdbc.sql("""
                    INSERT INTO opt_out (channel, address, opted_out, updated_at)
                    SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM opt_out WHERE channel = ? AND address = ?)
                    """).params(channel.name(), a, optedOut, now, channel.name(), a).update();
        }
    }

    /** True if this address sent ЗОГС / STOP on this channel and not ЭХЛЭХ / START since; broadcasts skip it. */
    @Transactional(readOnly = true)
    public boolean isOptedOut(Channel channel, String address) {
        return jdbc.sql("SELECT opted_out FROM opt_out WHERE channel = ? AND address = ?")
                .params(channel.name(), normal(channel, address)).query(Boolean.class).optional().orElse(false);
    }

    private static String normal(Channel channel, String address) {
        return channel == Channel.EMAIL ? address.strip().toLowerCase(java.util.Locale.ROOT) : address.strip();
    }
}
