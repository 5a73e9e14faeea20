package mn.sanal.channels.sms;

import java.util.regex.Pattern;

/** Phone numbers as the SMSC gives them, in the form petitions store them: 976XXXXXXXX for Mongolian numbers. */
final class SmsPhones {

    /** SMPP type of number 1 (international) and numbering plan 1 (ISDN, E.164). */
    static final byte TON_INTERNATIONAL = 0x01;
    static final byte NPI_ISDN = 0x01;
    static final byte TON_UNKNOWN = 0x00;
    static final byte NPI_UNKNOWN = 0x00;
    /** E.164: country code and subscriber number, at most 15 digits; ours are 976 + 8 digits. */
    private static final Pattern INTERNATIONAL = Pattern.compile("[1-9]\\d{8,14}");

    /** A destination as submit_sm carries it: the address and its type of number and numbering plan. */
    record Address(String number, byte ton, byte npi) {
    }

    private SmsPhones() {
    }

    static String canonical(String address) {
        String d = address == null ? "" : address.replaceAll("[^0-9]", "");
        if (d.startsWith("00")) {
            d = d.substring(2);
        }
        if (d.length() == 8) {
            return "976" + d;
        }
        return d;
    }

    /**
     * Where a reply goes: a stored number (always in its international form, 976XXXXXXXX) as TON 1 / NPI 1, so that
     * the SMSC does not have to guess; anything shorter than an international number (a short code) as it is, with
     * TON and NPI unknown.
     */
    static Address destination(String stored) {
        String canonical = canonical(stored);
        return INTERNATIONAL.matcher(canonical).matches()
                ? new Address(canonical, TON_INTERNATIONAL, NPI_ISDN)
                : new Address(stored, TON_UNKNOWN, NPI_UNKNOWN);
    }
}
