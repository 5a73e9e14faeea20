package mn.sanal.channels.fax;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Numbers as fax gateways and PBXs write them, normalised like every phone number in Sanal ("976" + 8 digits). */
public final class FaxNumbers {

    private static final Pattern LONG_NUMBER = Pattern.compile("\\+?\\d[\\d -]{5,}\\d");

    private FaxNumbers() {
    }

    /** "976XXXXXXXX" for Mongolian numbers, digits only for others; empty if there is no number. */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = raw.replaceAll("\\D", "");
        if (digits.length() == 8) {
            return Optional.of("976" + digits);
        }
        if (digits.length() == 11 && digits.startsWith("976")) {
            return Optional.of(digits);
        }
        return digits.length() >= 6 && digits.length() <= 15 ? Optional.of(digits) : Optional.empty();
    }

    /** Mongolian mobile numbers (8x, 9x, 6x): the ones an SMS reaches. */
    public static boolean isMobile(String normalized) {
        return normalized != null && normalized.matches("976[689]\\d{7}");
    }

    public static Optional<String> firstIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = LONG_NUMBER.matcher(text);
        return m.find() ? normalize(m.group()) : Optional.empty();
    }
}
