package mn.sanal.platform;

import java.sql.SQLException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;
import org.springframework.dao.DataAccessException;
import org.springframework.http.converter.HttpMessageNotReadableException;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;

/**
 * Stack traces in the log ({@code %safeEx} in {@code logback-spring.xml}) without the messages that may quote what a
 * citizen sent: database errors (a constraint's key, H2's rejected value, the SQL with its parameters), parse errors
 * of mails, JSON, numbers and dates, and every message that repeats one of those (a wrapper's
 * {@code "...: " + cause.getMessage()}, Camunda's {@code ENGINE-03004 ... with message '...'}). Types and frames
 * stay: they say where it failed.
 */
public class WithheldMessagesThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    static final String WITHHELD = "[message withheld: it may quote personal data]";

    private static final List<Class<?>> QUOTING = List.of(SQLException.class, DataAccessException.class,
            org.apache.ibatis.exceptions.PersistenceException.class, jakarta.mail.MessagingException.class,
            com.fasterxml.jackson.core.JacksonException.class, NumberFormatException.class,
            DateTimeParseException.class, TypeMismatchException.class, HttpMessageNotReadableException.class);

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        if (!(tp instanceof ThrowableProxy proxy)) {
            return super.throwableProxyToString(tp);
        }
        proxy.calculatePackagingData(); // the jar of each frame, as %wEx shows it
        List<String> quoted = new ArrayList<>();
        collectQuoted(proxy.getThrowable(), quoted, new IdentityHashMap<>());
        return super.throwableProxyToString(new Withheld(tp, quoted));
    }

    private static void collectQuoted(Throwable t, List<String> quoted, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return;
        }
        if (QUOTING.stream().anyMatch(c -> c.isInstance(t)) && t.getMessage() != null && !t.getMessage().isBlank()) {
            quoted.add(t.getMessage());
        }
        collectQuoted(t.getCause(), quoted, seen);
        for (Throwable s : t.getSuppressed()) {
            collectQuoted(s, quoted, seen);
        }
    }

    /** The same throwable, with the message withheld where it is one of the quoting ones or repeats one. */
    private record Withheld(IThrowableProxy tp, List<String> quoted) implements IThrowableProxy {

        @Override
        public String getMessage() {
            String m = tp.getMessage();
            return m == null || quoted.stream().noneMatch(m::contains) ? m : WITHHELD;
        }

        @Override
        public String getClassName() {
            return tp.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return tp.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return tp.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return tp.getCause() == null ? null : new Withheld(tp.getCause(), quoted);
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] s = tp.getSuppressed();
            if (s == null) {
                return null;
            }
            IThrowableProxy[] out = new IThrowableProxy[s.length];
            for (int i = 0; i < s.length; i++) {
                out[i] = new Withheld(s[i], quoted);
            }
            return out;
        }

        @Override
        public boolean isCyclic() {
            return tp.isCyclic();
        }
    }
}
