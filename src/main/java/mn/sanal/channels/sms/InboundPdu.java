package mn.sanal.channels.sms;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jsmpp.bean.OptionalParameter;

/**
 * One deliver_sm as the channel understands it: the text decoded from its data_coding (0 GSM 7-bit, 1 ASCII,
 * 3 Latin-1, 6 ISO-8859-5, 8 UCS-2), and, for a part of a concatenated message, its reference, count and number,
 * from the UDH (8- or 16-bit reference) or the SAR TLVs.
 */
record InboundPdu(String text, Concat concat) {

    /** Where a part belongs: (reference, total parts, this part's 1-based number). */
    record Concat(int reference, int total, int seq) {
    }

    static final short TAG_SAR_MSG_REF_NUM = 0x020C;
    static final short TAG_SAR_TOTAL_SEGMENTS = 0x020E;
    static final short TAG_SAR_SEGMENT_SEQNUM = 0x020F;
    static final short TAG_MESSAGE_PAYLOAD = 0x0424;

    static InboundPdu decode(byte esmClass, byte dataCoding, byte[] shortMessage, OptionalParameter[] tlvs) {
        byte[] data = shortMessage == null || shortMessage.length == 0
                ? raw(find(tlvs, TAG_MESSAGE_PAYLOAD)) : shortMessage;
        if (data == null) {
            data = new byte[0];
        }
        Concat concat = null;
        int offset = 0;
        if ((esmClass & 0x40) != 0 && data.length > 0) {
            int udhl = data[0] & 0xFF;
            offset = Math.min(data.length, 1 + udhl);
            int i = 1;
            while (i + 1 < offset) {
                int iei = data[i] & 0xFF;
                int len = data[i + 1] & 0xFF;
                if (iei == 0x00 && len == 3 && i + 4 < offset + 1) {
                    concat = new Concat(data[i + 2] & 0xFF, data[i + 3] & 0xFF, data[i + 4] & 0xFF);
                } else if (iei == 0x08 && len == 4) {
                    concat = new Concat(((data[i + 2] & 0xFF) << 8) | (data[i + 3] & 0xFF), data[i + 4] & 0xFF,
                            data[i + 5] & 0xFF);
                }
                i += 2 + len;
            }
        }
        if (concat == null) {
            byte[] ref = raw(find(tlvs, TAG_SAR_MSG_REF_NUM));
            byte[] total = raw(find(tlvs, TAG_SAR_TOTAL_SEGMENTS));
            byte[] seq = raw(find(tlvs, TAG_SAR_SEGMENT_SEQNUM));
            if (ref != null && total != null && seq != null && ref.length == 2 && total.length == 1 && seq.length == 1) {
                concat = new Concat(((ref[0] & 0xFF) << 8) | (ref[1] & 0xFF), total[0] & 0xFF, seq[0] & 0xFF);
            }
        }
        if (concat != null && (concat.total() < 2 || concat.seq() < 1 || concat.seq() > concat.total())) {
            concat = null;
        }
        return new InboundPdu(decodeText(dataCoding, data, offset), concat);
    }

    static String decodeText(byte dataCoding, byte[] data, int offset) {
        int length = data.length - offset;
        int dc = dataCoding & 0xFF;
        if ((dc & 0xF0) == 0xF0) {
            dc = (dc & 0x04) != 0 ? 0x04 : 0x00;
        }
        return switch (dc) {
            case 0x00 -> Gsm7.decode(data, offset, length);
            case 0x01 -> new String(data, offset, length, StandardCharsets.US_ASCII);
            case 0x06 -> new String(data, offset, length, Charset.forName("ISO-8859-5"));
            case 0x08 -> new String(data, offset, length - (length % 2), StandardCharsets.UTF_16BE);
            default -> new String(data, offset, length, StandardCharsets.ISO_8859_1);
        };
    }

    static OptionalParameter find(OptionalParameter[] tlvs, short tag) {
        return tlvs == null ? null : Arrays.stream(tlvs).filter(p -> p.tag == tag).findFirst().orElse(null);
    }

    /** The value bytes of a TLV (serialize() is tag, length, value). */
    static byte[] raw(OptionalParameter p) {
        if (p == null) {
            return null;
        }
        byte[] all = p.serialize();
        return Arrays.copyOfRange(all, 4, all.length);
    }

    /** A TLV's value as text, without a trailing NUL (C-octet strings). */
    static String string(OptionalParameter p) {
        byte[] v = raw(p);
        if (v == null) {
            return null;
        }
        int n = v.length;
        while (n > 0 && v[n - 1] == 0) {
            n--;
        }
        return n == 0 ? null : new String(v, 0, n, StandardCharsets.ISO_8859_1);
    }
}
