package mn.sanal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;

/** What a library's stack trace of a failed insert looks like in the log. */
class WithheldMessagesThrowableConverterTest {

    private static final String PHONE = "99118833";

    @Test
    void aDatabaseErrorAndEveryWrapperThatRepeatsItLoseTheirMessagesButKeepTypesAndFrames() {
        SQLException sql = new SQLException("ERROR: duplicate key value violates unique constraint \"x\"\n"
                + "  Detail: Key (sender)=(" + PHONE + ") already exists.", "23505");
        DataIntegrityViolationException spring = new DataIntegrityViolationException(
                "PreparedStatementCallback; " + sql.getMessage(), sql);
        RuntimeException wrapper = new IllegalStateException("intake failed: " + spring.getMessage(), spring);

        String trace = convert(new IllegalStateException("Unknown body 'sumber-health'", wrapper));

        assertThat(trace).doesNotContain(PHONE)
                .contains("java.lang.IllegalStateException: Unknown body 'sumber-health'")
                .contains("java.lang.IllegalStateException: " + WithheldMessagesThrowableConverter.WITHHELD)
                .contains("org.springframework.dao.DataIntegrityViolationException: "
                        + WithheldMessagesThrowableConverter.WITHHELD)
                .contains("java.sql.SQLException: " + WithheldMessagesThrowableConverter.WITHHELD)
                .contains("at " + WithheldMessagesThrowableConverterTest.class.getName());
    }

    @Test
    void parseErrorsQuoteTheirInput() {
        NumberFormatException nfe = new NumberFormatException("For input string: \"" + PHONE + "x\"");
        assertThat(convert(new IllegalArgumentException(nfe))).doesNotContain(PHONE)
                .contains("java.lang.NumberFormatException");
    }

    private static String convert(Throwable t) {
        LoggerContext context = new LoggerContext();
        WithheldMessagesThrowableConverter converter = new WithheldMessagesThrowableConverter();
        converter.setContext(context);
        converter.start();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("test"), Level.ERROR, "failed", t, null);
        return converter.convert(event);
    }
}
