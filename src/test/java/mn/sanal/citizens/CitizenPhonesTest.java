package mn.sanal.citizens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CitizenPhonesTest {

    @ParameterizedTest
    @CsvSource({
            "99112233, 97699112233",
            "'9911 2233', 97699112233",
            "'+976 9911-2233', 97699112233",
            "97688001234, 97688001234",
            "0097666001234, 97666001234",
            "'(976) 8011 2233', 97680112233"})
    void mongolianMobilesAreStoredAs976AndEightDigits(String raw, String stored) {
        assertThat(CitizenPhones.normalize(raw)).contains(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"70112233", "11312233", "9911223", "991122334", "+7 9161234567", "4915112345678",
            "9911abcd", "", " "})
    void otherNumbersAreNotTaken(String raw) {
        assertThat(CitizenPhones.normalize(raw)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void maskedShowsTheLastFourDigits() {
        assertThat(CitizenPhones.masked("97699112233")).isEqualTo("***2233");
    }
}
