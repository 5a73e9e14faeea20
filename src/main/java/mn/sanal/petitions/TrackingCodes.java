package mn.sanal.petitions;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Tracking codes like {@code K7Q2-9XMD}: 8 symbols of Crockford's base32 = 40 random bits from a SecureRandom,
 * typed easily on a phone keypad, read aloud without confusing 0/O or 1/I/L. The code is the process instance's
 * business key, so Cockpit and Tasklist find a case by it.
 */
public final class TrackingCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCodes() {
    }

    public static String next() {
        long bits = 0;
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        for (byte b : bytes) {
            bits = (bits << 8) | (b & 0xFF);
        }
        char[] out = new char[9];
        for (int i = 8; i >= 0; i--) {
            if (i == 4) {
                out[i] = '-';
                continue;
            }
            out[i] = ALPHABET[(int) (bits & 31)];
            bits >>>= 5;
        }
        return new String(out);
    }

    /**
     * The canonical form of what a citizen typed: any case, with or without the dash or spaces, with the letters
     * people confuse for digits read as those digits. Empty if it cannot be a tracking code.
     */
    public static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder(8);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '-', ' ', '\t' -> {
                }
                case 'O' -> sb.append('0');
                case 'I', 'L' -> sb.append('1');
                default -> {
                    if (new String(ALPHABET).indexOf(c) < 0) {
                        return Optional.empty();
                    }
                    sb.append(c);
                }
            }
        }
        if (sb.length() != 8) {
            return Optional.empty();
        }
        return Optional.of(sb.substring(0, 4) + "-" + sb.substring(4));
    }
}
