package mn.sanal.citizens;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phones in the register: Mongolian mobile numbers only, in the form petitions store them ({@code 976} and 8
 * digits starting 6, 8 or 9: the numbers an SMS reaches). Written as people write them: {@code 9911 2233},
 * {@code +976 99112233}, {@code 00976-99112233}.
 */
public final class CitizenPhones {

    private static final Pattern MOBILE = Pattern.compile("(?:00)?(?:976)?([689]\\d{7})");

    private CitizenPhones() {
    }

    /** The stored form 976XXXXXXXX, or empty when this is not a Mongolian mobile number. */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        if (!s.matches("\\+?[0-9 ()\\-]+")) {
            return Optional.empty();
        }
        Matcher m = MOBILE.matcher(s.replaceAll("[^0-9]", ""));
        return m.matches() ? Optional.of("976" + m.group(1)) : Optional.empty();
    }

    /** The last four digits only, for messages and logs that must not carry the number: {@code ***2233}. */
    public static String masked(String phone) {
        return phone == null || phone.length() < 4 ? "***" : "***" + phone.substring(phone.length() - 4);
    }
}
