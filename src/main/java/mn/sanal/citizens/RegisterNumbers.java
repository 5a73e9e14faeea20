package mn.sanal.citizens;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The register number (регистрийн дугаар): two Cyrillic capital letters and eight digits. The digits begin with the
 * birth date as YYMMDD; for births from 2000 the month is written plus 20 (a person born on 2003-04-15 has
 * {@code 032415..}). The last two digits are a serial (its parity gives the sex) that is not checked here.
 * <p>
 * Letters: the Mongolian Cyrillic capitals (А-Я, Ё, Ө, Ү) except Ъ, Ы and Ь, which begin no code (policy). Input
 * is normalised first: spaces and dashes removed, letters upper-cased.
 */
public final class RegisterNumbers {

    private static final Pattern FORM = Pattern.compile("([А-ЯЁӨҮ]{2})(\\d{2})(\\d{2})(\\d{2})(\\d{2})");
    private static final Locale MN = Locale.forLanguageTag("mn");

    /** A checked register number: the normalised number and the birth date it encodes, or why it is refused. */
    public record Checked(String registerNo, LocalDate birthDate, String refusal) {
        public boolean valid() {
            return refusal == null;
        }
    }

    private RegisterNumbers() {
    }

    /** Spaces, dashes and dots removed, letters upper-cased; null stays null. */
    public static String normalize(String raw) {
        return raw == null ? null : raw.replaceAll("[\\s\\-.]", "").toUpperCase(MN);
    }

    /**
     * Checks a register number as a person wrote it. {@code today} bounds the birth date: nobody is born in the future.
     * A refusal is a Mongolian sentence an official can read in an import report.
     */
    public static Checked check(String raw, LocalDate today) {
        String n = normalize(raw);
        if (n == null || n.isEmpty()) {
            return new Checked(n, null, "Регистрийн дугаар хоосон байна");
        }
        Matcher m = FORM.matcher(n);
        if (!m.matches()) {
            return new Checked(n, null, "Регистрийн дугаар 2 кирилл үсэг, 8 цифр байх ёстой");
        }
        if (m.group(1).matches(".*[ЪЫЬ].*")) {
            return new Checked(n, null, "Регистрийн дугаарын үсэг буруу байна");
        }
        int yy = Integer.parseInt(m.group(2));
        int mm = Integer.parseInt(m.group(3));
        int dd = Integer.parseInt(m.group(4));
        int year;
        int month;
        if (mm >= 1 && mm <= 12) {
            year = 1900 + yy;
            month = mm;
        } else if (mm >= 21 && mm <= 32) {
            year = 2000 + yy;
            month = mm - 20;
        } else {
            return new Checked(n, null, "Регистрийн дугаарын сар буруу байна");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(year, month, dd);
        } catch (DateTimeException e) {
            return new Checked(n, null, "Регистрийн дугаарын өдөр буруу байна");
        }
        if (today != null && birth.isAfter(today)) {
            return new Checked(n, null, "Регистрийн дугаарын төрсөн огноо ирээдүйд байна");
        }
        return new Checked(n, birth, null);
    }

    /** True if {@code raw} is a valid register number (born no later than {@code today}). */
    public static boolean isValid(String raw, LocalDate today) {
        return check(raw, today).valid();
    }

    /** The digits a birth date gives a register number: YYMMDD, month + 20 from 2000. */
    public static String dateDigits(LocalDate birth) {
        int year = birth.getYear();
        if (year < 1900 || year > 2099) {
            throw new IllegalArgumentException("A register number holds births from 1900 to 2099");
        }
        int month = year >= 2000 ? birth.getMonthValue() + 20 : birth.getMonthValue();
        return String.format("%02d%02d%02d", year % 100, month, birth.getDayOfMonth());
    }
}
