package mn.sanal.channels.web;

import java.util.regex.Pattern;

/** Phone numbers and mail addresses as typed on a web form, checked and normalised. */
final class WebContacts {

    /** Mongolian numbers: 8 digits, optionally with +976 / 976 in front, spaces and dashes allowed. */
    private static final Pattern MN_PHONE = Pattern.compile("(?:\\+?976)?(\\d{8})");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private WebContacts() {
    }

    static String phone(String typed) {
        if (typed == null) {
            return null;
        }
        var m = MN_PHONE.matcher(typed.replaceAll("[\\s-]", ""));
        return m.matches() ? "976" + m.group(1) : null;
    }

    static String email(String typed) {
        if (typed == null) {
            return null;
        }
        String e = typed.strip();
        return e.length() <= 320 && EMAIL.matcher(e).matches() ? e : null;
    }
}
