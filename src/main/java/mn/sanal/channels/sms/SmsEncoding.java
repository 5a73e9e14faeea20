package mn.sanal.channels.sms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a text goes on the wire: GSM 7-bit (data_coding 0) when every character fits, else UCS-2 (data_coding 8) —
 * never "?" for Cyrillic. A text longer than one SMS is split into parts that each carry a concatenation UDH
 * (05 00 03 ref total seq): 153 GSM septets or 67 UCS-2 characters per part; an escape sequence or a surrogate pair
 * is never cut in two.
 */
final class SmsEncoding {

    static final byte DC_GSM = 0x00;
    static final byte DC_LATIN1 = 0x03;
    static final byte DC_UCS2 = 0x08;
    static final int GSM_SINGLE = 160;
    static final int GSM_PART = 153;
    static final int UCS2_SINGLE = 70;
    static final int UCS2_PART = 67;
    static final int MAX_PARTS = 255;

    /** The parts of one text, each a complete short_message (with UDH when {@code concatenated}). */
    record Encoded(byte dataCoding, boolean concatenated, List<byte[]> parts) {
    }

    private SmsEncoding() {
    }

    static Encoded encode(String text) {
        return encode(text, ThreadLocalRandom.current().nextInt(256));
    }

    static Encoded encode(String text, int reference) {
        boolean gsm = Gsm7.canEncode(text);
        List<String> chunks = gsm ? splitGsm(text) : splitUcs2(text);
        List<byte[]> parts = new ArrayList<>(chunks.size());
        boolean concatenated = chunks.size() > 1;
        if (chunks.size() > MAX_PARTS) {
            throw new IllegalArgumentException("Text too long for one concatenated SMS: " + text.length());
        }
        for (int i = 0; i < chunks.size(); i++) {
            byte[] payload = gsm ? Gsm7.encode(chunks.get(i)) : chunks.get(i).getBytes(StandardCharsets.UTF_16BE);
            if (!concatenated) {
                parts.add(payload);
                continue;
            }
            byte[] pdu = new byte[6 + payload.length];
            pdu[0] = 0x05;
            pdu[1] = 0x00;
            pdu[2] = 0x03;
            pdu[3] = (byte) reference;
            pdu[4] = (byte) chunks.size();
            pdu[5] = (byte) (i + 1);
            System.arraycopy(payload, 0, pdu, 6, payload.length);
            parts.add(pdu);
        }
        return new Encoded(gsm ? DC_GSM : DC_UCS2, concatenated, parts);
    }

    static List<String> splitGsm(String text) {
        int total = 0;
        for (int i = 0; i < text.length(); i++) {
            total += Gsm7.septets(text.charAt(i));
        }
        if (total <= GSM_SINGLE) {
            return List.of(text);
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int s = Gsm7.septets(text.charAt(i));
            if (used + s > GSM_PART) {
                out.add(text.substring(start, i));
                start = i;
                used = 0;
            }
            used += s;
        }
        out.add(text.substring(start));
        return out;
    }

    static List<String> splitUcs2(String text) {
        if (text.length() <= UCS2_SINGLE) {
            return List.of(text);
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + UCS2_PART);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            out.add(text.substring(start, end));
            start = end;
        }
        return out;
    }
}
