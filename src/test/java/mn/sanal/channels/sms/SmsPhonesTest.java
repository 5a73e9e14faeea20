package mn.sanal.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsPhonesTest {

    @Test
    void phones() {
        assertThat(SmsPhones.canonical("99112233")).isEqualTo("97699112233");
        assertThat(SmsPhones.canonical("+97699112233")).isEqualTo("97699112233");
        assertThat(SmsPhones.canonical("0097699112233")).isEqualTo("97699112233");
        assertThat(SmsPhones.canonical("97699112233")).isEqualTo("97699112233");
    }
}
