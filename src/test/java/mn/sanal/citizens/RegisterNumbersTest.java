package mn.sanal.citizens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegisterNumbersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @ParameterizedTest
    @CsvSource({
            "УБ90011512, 1990-01-15",
            "ЧК85123199, 1985-12-31",
            "ӨҮ03241501, 2003-04-15",
            "ЁЯ00222900, 2000-02-29",
            "АА26310100, 2026-11-01",
            "уб90011512, 1990-01-15",
            "'УБ 9001-1512', 1990-01-15"})
    void aValidNumberGivesTheBirthDate(String raw, LocalDate birth) {
        RegisterNumbers.Checked c = RegisterNumbers.check(raw, TODAY);
        assertThat(c.refusal()).isNull();
        assertThat(c.valid()).isTrue();
        assertThat(c.birthDate()).isEqualTo(birth);
        assertThat(c.registerNo()).hasSize(10).startsWith(raw.strip().substring(0, 2).toUpperCase(
                java.util.Locale.forLanguageTag("mn")));
    }

    @ParameterizedTest
    @CsvSource({
            "UB90011512, 2 кирилл үсэг, 8 цифр",
            "УБ9001151, 2 кирилл үсэг, 8 цифр",
            "УБ900115123, 2 кирилл үсэг, 8 цифр",
            "У90011512, 2 кирилл үсэг, 8 цифр",
            "УБ90131512, сар буруу",
            "УБ90001512, сар буруу",
            "УБ03201512, сар буруу",
            "УБ03331512, сар буруу",
            "УБ90023012, өдөр буруу",
            "УБ01222912, өдөр буруу",
            "УБ90013212, өдөр буруу",
            "УБ26312401, ирээдүйд",
            "ЪБ90011512, үсэг буруу",
            "'', хоосон"})
    void anInvalidNumberIsRefusedWithItsReason(String raw, String reason) {
        RegisterNumbers.Checked c = RegisterNumbers.check(raw, TODAY);
        assertThat(c.valid()).isFalse();
        assertThat(c.birthDate()).isNull();
        assertThat(c.refusal()).contains(reason);
    }

    @Test
    void nullIsEmpty() {
        assertThat(RegisterNumbers.check(null, TODAY).refusal()).contains("хоосон");
    }

    @Test
    void dateDigitsAddTwentyToTheMonthFrom2000() {
        assertThat(RegisterNumbers.dateDigits(LocalDate.of(1999, 12, 31))).isEqualTo("991231");
        assertThat(RegisterNumbers.dateDigits(LocalDate.of(2000, 1, 1))).isEqualTo("002101");
        assertThat(RegisterNumbers.dateDigits(LocalDate.of(2010, 10, 9))).isEqualTo("103009");
        assertThatThrownBy(() -> RegisterNumbers.dateDigits(LocalDate.of(1899, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dateDigitsRoundTrip() {
        for (LocalDate d = LocalDate.of(1950, 1, 1); d.isBefore(LocalDate.of(2026, 1, 1)); d = d.plusDays(17)) {
            assertThat(RegisterNumbers.check("ТТ" + RegisterNumbers.dateDigits(d) + "42", TODAY).birthDate())
                    .isEqualTo(d);
        }
    }
}
