package mn.sanal.channels.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebContactsTest {

    @Test
    void mongolianNumbersInEveryUsualSpelling() {
        assertThat(WebContacts.phone("99112233")).isEqualTo("97699112233");
        assertThat(WebContacts.phone("9911 2233")).isEqualTo("97699112233");
        assertThat(WebContacts.phone("+976 9911-2233")).isEqualTo("97699112233");
        assertThat(WebContacts.phone("97699112233")).isEqualTo("97699112233");
        assertThat(WebContacts.phone("12345")).isNull();
        assertThat(WebContacts.phone("9911223x")).isNull();
    }

    @Test
    void mailAddresses() {
        assertThat(WebContacts.email(" bat@example.mn ")).isEqualTo("bat@example.mn");
        assertThat(WebContacts.email("bat@")).isNull();
        assertThat(WebContacts.email("no at sign")).isNull();
    }
}
