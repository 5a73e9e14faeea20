package mn.sanal.channels.web;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/** Phone numbers and mail addresses as typed on a web form, checked and normalised. */
final class WebContacts {

    /** Mongolian numbers: 8 digits, optionally with +976 / 976 in front, spaces and dashes allowed. */
    private static final Pattern MN_PHONE = Pattern.compile("(?:\\+?976)?(\\d{8})");
    /** RFC 5321 dot-atom local part: no quoting, comments, spaces, commas or angle brackets. */
    private static final Pattern LOCAL_PART =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

    private WebContacts() {
    }

    static String phone(String typed) {
        if (typed == null) {
            return null;
        }
        var m = MN_PHONE.matcher(typed.replaceAll("[\\s-]", ""));
        return m.matches() ? "976" + m.group(1) : null;
    }

    /**
     * A mailbox we can send to, or null: one {@code local@domain} (a comma, brackets or quotes would name other or
     * several recipients), a local part of at most 64 characters, a domain of host-name labels under a real top-level
     * domain (no IP literal, no bare host name). An internationalised domain (.мон) is kept in its ASCII form, which
     * every mail server accepts; the domain in lower case.
     */
    static String email(String typed) {
        if (typed == null) {
            return null;
        }
        String e = typed.strip();
        int at = e.indexOf('@');
        if (e.length() > 254 || at <= 0 || at != e.lastIndexOf('@')) {
            return null;
        }
        String local = e.substring(0, at);
        if (local.length() > 64 || !LOCAL_PART.matcher(local).matches()) {
            return null;
        }
        String domain;
        try {
            domain = IDN.toASCII(e.substring(at + 1), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAHostName) {
            return null;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2 || !TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
            return null;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return null;
            }
        }
        String address = local + "@" + domain;
        return address.length() <= 254 ? address : null;
    }
}
