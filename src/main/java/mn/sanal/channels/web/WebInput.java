package mn.sanal.channels.web;

import java.util.Map;

import mn.sanal.platform.Hashes;

/**
 * Checks on what an unauthenticated web client typed, before anything is looked up or stored: control characters
 * (a NUL byte is refused by PostgreSQL's text types and used to end in HTTP 500), text that shows nothing, and the
 * {@code Idempotency-Key} header. Also the fingerprint that ties an idempotency key to the content it was sent with.
 */
final class WebInput {

    static final int MAX_IDEMPOTENCY_KEY = 255;

    private WebInput() {
    }

    /** The first field whose name or value holds a control character other than tab, line feed and carriage return. */
    static String fieldWithControlCharacter(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> p : parameters.entrySet()) {
            if (hasControlCharacter(p.getKey())) {
                return "?";
            }
            for (String value : p.getValue()) {
                if (hasControlCharacter(value)) {
                    return p.getKey();
                }
            }
        }
        return null;
    }

    static boolean hasControlCharacter(String s) {
        return s != null && s.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
    }

    /**
     * True if the text shows at least one character: not whitespace (any Unicode space, no-break spaces included), not
     * a format character (zero-width space, joiners, word joiner, byte order mark, direction marks, soft hyphen), not
     * a control character, and not one of the letters that are drawn blank (Hangul fillers, braille blank) or the
     * variation selectors.
     */
    static boolean visible(String s) {
        return s != null && s.codePoints().anyMatch(c -> !invisible(c));
    }

    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.FORMAT
                || type == Character.CONTROL || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0
                || c == 0x2800 || c == 0x034F || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
    }

    /** The key as sent, if it is one: 1-255 printable ASCII characters (RFC 9110 field value, no obs-text). */
    static boolean validIdempotencyKey(String key) {
        return key.length() <= MAX_IDEMPOTENCY_KEY && key.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
    }

    /** SHA-256 (hex) over the parts, each length-prefixed so that no two different part lists hash alike. */
    static String fingerprint(Object... parts) {
        StringBuilder canonical = new StringBuilder();
        for (Object part : parts) {
            String s = part == null ? "-" : "+" + part;
            canonical.append(s.length()).append(':').append(s).append('\n');
        }
        return sha256(canonical.toString());
    }

    static String sha256(String s) {
        return Hashes.sha256Hex(s);
    }
}
