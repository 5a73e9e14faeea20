package mn.sanal.broadcasts;

/**
 * How many SMS a text is billed as: GSM 7-bit when every character is in the GSM 03.38 alphabet (160 in one SMS, 153
 * per part of a longer one; the extension characters take two), otherwise UCS-2 (70 in one, 67 per part; Cyrillic is
 * always UCS-2). The same rule as the SMS channel's encoder, which this feature does not reach into.
 */
public final class SmsSegments {

    public enum Encoding { GSM7, UCS2 }

    public record Count(Encoding encoding, int units, int segments) {
    }

    static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    static final String EXTENSION = "\f^{}\\[~]|€";

    private SmsSegments() {
    }

    public static Count count(String text) {
        boolean gsm = true;
        for (int i = 0; i < text.length() && gsm; i++) {
            char c = text.charAt(i);
            gsm = BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0;
        }
        if (gsm) {
            int septets = 0;
            for (int i = 0; i < text.length(); i++) {
                septets += EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
            }
            if (septets <= 160) {
                return new Count(Encoding.GSM7, septets, septets == 0 ? 0 : 1);
            }
            int parts = 1;
            int used = 0;
            for (int i = 0; i < text.length(); i++) {
                int s = EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
                if (used + s > 153) {
                    parts++;
                    used = 0;
                }
                used += s;
            }
            return new Count(Encoding.GSM7, septets, parts);
        }
        int units = text.length();
        if (units <= 70) {
            return new Count(Encoding.UCS2, units, 1);
        }
        int parts = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int n = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() ? 2 : 1;
            if (used + n > 67) {
                parts++;
                used = 0;
            }
            used += n;
            i += n - 1;
        }
        return new Count(Encoding.UCS2, units, parts);
    }
}
