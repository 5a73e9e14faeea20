package mn.sanal.channels.sms;

import java.io.ByteArrayOutputStream;

/**
 * The GSM 03.38 default alphabet (with its extension table), as SMPP carries it with data_coding 0: one septet per
 * octet, unpacked. Cyrillic is not in it: such texts go as UCS-2.
 */
final class Gsm7 {

    static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION_CHARS = "\f^{}\\[~]|€";
    private static final byte[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};
    static final int ESCAPE = 0x1B;

    private Gsm7() {
    }

    /** True if every character of {@code text} is in the default alphabet or its extension. */
    static boolean canEncode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u001B' || (BASIC.indexOf(c) < 0 && EXTENSION_CHARS.indexOf(c) < 0)) {
                return false;
            }
        }
        return true;
    }

    /** Septets one character takes: 2 for the extension table (escape + code). */
    static int septets(char c) {
        return EXTENSION_CHARS.indexOf(c) >= 0 ? 2 : 1;
    }

    static byte[] encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int ext = EXTENSION_CHARS.indexOf(c);
            if (ext >= 0) {
                out.write(ESCAPE);
                out.write(EXTENSION_CODES[ext]);
            } else {
                int b = BASIC.indexOf(c);
                if (b < 0 || c == '\u001B') {
                    throw new IllegalArgumentException("Not in the GSM 7-bit alphabet: " + c);
                }
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /** Unpacked septets to text; an unknown code becomes a space rather than failing the whole message. */
    static String decode(byte[] septets, int offset, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = offset; i < offset + length; i++) {
            int b = septets[i] & 0x7F;
            if (b == ESCAPE && i + 1 < offset + length) {
                int code = septets[++i] & 0x7F;
                char found = ' ';
                for (int e = 0; e < EXTENSION_CODES.length; e++) {
                    if (EXTENSION_CODES[e] == code) {
                        found = EXTENSION_CHARS.charAt(e);
                    }
                }
                sb.append(found);
            } else {
                sb.append(BASIC.charAt(b));
            }
        }
        return sb.toString();
    }
}
