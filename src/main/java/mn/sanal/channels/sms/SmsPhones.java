package mn.sanal.channels.sms;

/** Phone numbers as the SMSC gives them, in the form petitions store them: 976XXXXXXXX for Mongolian numbers. */
final class SmsPhones {

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
}
