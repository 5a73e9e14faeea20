package mn.sanal.channels.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class WebInputTest {

    @Test
    void textThatShowsNothingIsNotVisible() {
        assertThat(WebInput.visible(null)).isFalse();
        assertThat(WebInput.visible("")).isFalse();
        assertThat(WebInput.visible(" \t\r\n")).isFalse();
        assertThat(WebInput.visible("\u00A0\u2007\u202F\u3000")).isFalse();
        assertThat(WebInput.visible("\u200B\u200C\u200D\u2060\uFEFF\u00AD\u200E\u202E")).isFalse();
        assertThat(WebInput.visible("\u3164\u115F\u2800\uFE0F")).isFalse();
        assertThat(WebInput.visible("\u200BА\u200B")).isTrue();
        assertThat(WebInput.visible("5")).isTrue();
    }

    @Test
    void controlCharactersOtherThanLineBreaksAndTabsAreFound() {
        assertThat(WebInput.fieldWithControlCharacter(Map.of("description", new String[] {"Мөр 1\r\nМөр 2\t."})))
                .isNull();
        assertThat(WebInput.fieldWithControlCharacter(Map.of("description", new String[] {"a\u0000b"})))
                .isEqualTo("description");
        assertThat(WebInput.fieldWithControlCharacter(Map.of("x", new String[] {"ok", "\u001B[31m"}))).isEqualTo("x");
        assertThat(WebInput.fieldWithControlCharacter(Map.of("x", new String[] {"\u0085"}))).isEqualTo("x");
        assertThat(WebInput.fieldWithControlCharacter(Map.of("a\u0000", new String[] {"ok"}))).isEqualTo("?");
    }

    @Test
    void idempotencyKeysArePrintableAsciiUpTo255() {
        assertThat(WebInput.validIdempotencyKey("k".repeat(255))).isTrue();
        assertThat(WebInput.validIdempotencyKey("8e0f-41 a9:x")).isTrue();
        assertThat(WebInput.validIdempotencyKey("k".repeat(256))).isFalse();
        assertThat(WebInput.validIdempotencyKey("ключ")).isFalse();
        assertThat(WebInput.validIdempotencyKey("a\u0000")).isFalse();
    }

    @Test
    void fingerprintsDifferWhenThePartsDo() {
        assertThat(WebInput.fingerprint("a", "b")).isEqualTo(WebInput.fingerprint("a", "b")).hasSize(64);
        assertThat(WebInput.fingerprint("ab", null)).isNotEqualTo(WebInput.fingerprint("a", "b"));
        assertThat(WebInput.fingerprint("a", null)).isNotEqualTo(WebInput.fingerprint("a", "null"));
        assertThat(WebInput.fingerprint("a\n1:+b", null)).isNotEqualTo(WebInput.fingerprint("a", "b"));
    }

    @Test
    void anIpv6ClientIsItsSlash64() {
        assertThat(ClientLimits.client("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(ClientLimits.client("2001:db8:1:2::1")).endsWith("/64");
        assertThat(ClientLimits.client("2001:db8:1:3::1")).isNotEqualTo(ClientLimits.client("2001:db8:1:2::1"));
        assertThat(ClientLimits.client("203.0.113.7")).isEqualTo("203.0.113.7");
    }
}
