package mn.sanal.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.Test;

class SmsEncodingTest {

    private static final String CYRILLIC = "Эмнэлэгт эмч байхгүй байна. Өглөө бүр дугаарлаж хүлээдэг, үүнийг шийдэж өгнө үү! ";

    @Test
    void latinFitsGsmInOnePart() {
        SmsEncoding.Encoded e = SmsEncoding.encode("Sain baina uu? {test} 100€");
        assertThat(e.dataCoding()).isEqualTo(SmsEncoding.DC_GSM);
        assertThat(e.concatenated()).isFalse();
        assertThat(InboundPdu.decodeText((byte) 0, e.parts().get(0), 0)).isEqualTo("Sain baina uu? {test} 100€");
    }

    @Test
    void cyrillicGoesAsUcs2NeverQuestionMarks() {
        SmsEncoding.Encoded e = SmsEncoding.encode("Өргөдөл хүлээн авлаа");
        assertThat(e.dataCoding()).isEqualTo(SmsEncoding.DC_UCS2);
        assertThat(e.parts().get(0)).isEqualTo("Өргөдөл хүлээн авлаа".getBytes(StandardCharsets.UTF_16BE));
        assertThat(new String(e.parts().get(0), StandardCharsets.UTF_16BE)).doesNotContain("?");
    }

    @Test
    void boundariesOfOnePart() {
        assertThat(SmsEncoding.encode("a".repeat(160)).parts()).hasSize(1);
        assertThat(SmsEncoding.encode("a".repeat(161)).parts()).hasSize(2);
        assertThat(SmsEncoding.encode("ө".repeat(70)).parts()).hasSize(1);
        assertThat(SmsEncoding.encode("ө".repeat(71)).parts()).hasSize(2);
    }

    @Test
    void longCyrillicSplitIn67CharPartsWithUdh() {
        String text = CYRILLIC.repeat(3);
        SmsEncoding.Encoded e = SmsEncoding.encode(text, 42);
        int expected = (text.length() + 66) / 67;
        assertThat(e.parts()).hasSize(expected);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < e.parts().size(); i++) {
            byte[] p = e.parts().get(i);
            assertThat(p.length).isLessThanOrEqualTo(140);
            assertThat(new byte[] {p[0], p[1], p[2], p[3], p[4], p[5]})
                    .containsExactly(5, 0, 3, 42, expected, i + 1);
            InboundPdu pdu = InboundPdu.decode((byte) 0x40, (byte) 8, p, null);
            assertThat(pdu.concat()).isEqualTo(new InboundPdu.Concat(42, expected, i + 1));
            joined.append(pdu.text());
        }
        assertThat(joined.toString()).isEqualTo(text);
    }

    @Test
    void longGsmSplitIn153SeptetsWithoutCuttingEscapes() {
        String text = "x".repeat(152) + "€" + "y".repeat(200);
        List<String> parts = SmsEncoding.splitGsm(text);
        assertThat(parts.get(0)).isEqualTo("x".repeat(152));
        assertThat(String.join("", parts)).isEqualTo(text);
        SmsEncoding.Encoded e = SmsEncoding.encode(text, 7);
        assertThat(e.parts()).allSatisfy(p -> assertThat(p.length).isLessThanOrEqualTo(6 + 153));
    }

    @Test
    void surrogatePairsAreNotCut() {
        String text = "a".repeat(66) + "😀" + "b".repeat(10);
        List<String> parts = SmsEncoding.splitUcs2(text);
        assertThat(parts.get(0)).hasSize(66);
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @Test
    void inboundDataCodings() {
        assertThat(InboundPdu.decode((byte) 0, (byte) 3, "Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1), null)
                .text()).isEqualTo("Café");
        assertThat(InboundPdu.decode((byte) 0, (byte) 8, "Сайн уу".getBytes(StandardCharsets.UTF_16BE), null)
                .text()).isEqualTo("Сайн уу");
        assertThat(InboundPdu.decode((byte) 0, (byte) 0, Gsm7.encode("a@b_c"), null).text()).isEqualTo("a@b_c");
    }

    @Test
    void sarTlvsAndSixteenBitUdh() {
        OptionalParameter[] sar = {new OptionalParameter.Short((short) 0x020C, (short) 0x1234),
                new OptionalParameter.Byte((short) 0x020E, (byte) 3),
                new OptionalParameter.Byte((short) 0x020F, (byte) 2)};
        InboundPdu pdu = InboundPdu.decode((byte) 0, (byte) 8, "хэсэг".getBytes(StandardCharsets.UTF_16BE), sar);
        assertThat(pdu.concat()).isEqualTo(new InboundPdu.Concat(0x1234, 3, 2));
        assertThat(pdu.text()).isEqualTo("хэсэг");

        byte[] udh16 = {6, 8, 4, 0x01, 0x02, 2, 1, 'h', 'i'};
        InboundPdu p16 = InboundPdu.decode((byte) 0x40, (byte) 0, udh16, null);
        assertThat(p16.concat()).isEqualTo(new InboundPdu.Concat(0x0102, 2, 1));
        assertThat(p16.text()).isEqualTo("hi");
    }

    @Test
    void messagePayloadTlv() {
        OptionalParameter[] tlv = {new OptionalParameter.OctetString((short) 0x0424,
                "урт".getBytes(StandardCharsets.UTF_16BE))};
        assertThat(InboundPdu.decode((byte) 0, (byte) 8, new byte[0], tlv).text()).isEqualTo("урт");
    }
}
