package mn.sanal.broadcasts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void gsmTextsCount160Then153() {
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(new SmsSegments.Count(SmsSegments.Encoding.GSM7, 160, 1));
        assertThat(SmsSegments.count("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(307)).segments()).isEqualTo(3);
        assertThat(SmsSegments.count("€".repeat(80)).segments()).as("extension characters take two").isEqualTo(1);
        assertThat(SmsSegments.count("€".repeat(81)).segments()).isEqualTo(2);
    }

    @Test
    void cyrillicIsUcs2Counting70Then67() {
        assertThat(SmsSegments.count("Б".repeat(70))).isEqualTo(new SmsSegments.Count(SmsSegments.Encoding.UCS2, 70, 1));
        assertThat(SmsSegments.count("Б".repeat(71)).segments()).isEqualTo(2);
        assertThat(SmsSegments.count("Б".repeat(134)).segments()).isEqualTo(2);
        assertThat(SmsSegments.count("Б".repeat(135)).segments()).isEqualTo(3);
        assertThat(SmsSegments.count("Hello Ө").encoding()).isEqualTo(SmsSegments.Encoding.UCS2);
    }
}
