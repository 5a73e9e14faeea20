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
        assertThat(WebContacts.email("Bat.Dorj+sanal@Example.MN")).isEqualTo("Bat.Dorj+sanal@example.mn");
        assertThat(WebContacts.email("бат@сайт.мон")).isNull();
        assertThat(WebContacts.email("bat@сайт.мон")).isEqualTo("bat@xn--80aswg.xn--l1acc");
    }

    @Test
    void mailAddressesThatNameSomethingElseThanOneMailbox() {
        for (String unusable : new String[] {"bat,dorj@example.mn", "bat@example.mn,dorj@example.mn",
                "<bat@example.mn>", "\"bat\"@example.mn", "Bat <bat@example.mn>", "bat@example..mn", ".bat@example.mn",
                "bat.@example.mn", "bat@localhost", "bat@[127.0.0.1]", "bat@127.0.0.1", "bat@exa_mple.mn",
                "bat@-example.mn", "bat@example.m", "bat@example.mn.", "bat\u0000@example.mn", "bat@exam\u0000ple.mn",
                "bat@@example.mn", "b".repeat(65) + "@example.mn", "bat@" + "a".repeat(250) + ".mn"}) {
            assertThat(WebContacts.email(unusable)).as(unusable).isNull();
        }
    }
}
