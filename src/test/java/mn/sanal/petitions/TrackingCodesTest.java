package mn.sanal.petitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TrackingCodesTest {

    @Test
    void codesAreShortTypeableAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = TrackingCodes.next();
            assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
            seen.add(code);
        }
        // 40 random bits: 10 000 draws from 2^40 values collide with probability ~5e-5
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void whatCitizensTypeIsNormalised() {
        assertThat(TrackingCodes.normalize("k7q2-9xmd")).contains("K7Q2-9XMD");
        assertThat(TrackingCodes.normalize(" K7Q2 9XMD ")).contains("K7Q2-9XMD");
        assertThat(TrackingCodes.normalize("K7Q29XMD")).contains("K7Q2-9XMD");
        // letters people confuse with digits
        assertThat(TrackingCodes.normalize("KOQ2-9XMI")).contains("K0Q2-9XM1");
        assertThat(TrackingCodes.normalize("kl-q2-9xmd")).as("dash anywhere, l read as 1").contains("K1Q2-9XMD");
    }

    @Test
    void wrongCodesAreRejected() {
        assertThat(TrackingCodes.normalize(null)).isEmpty();
        assertThat(TrackingCodes.normalize("")).isEmpty();
        assertThat(TrackingCodes.normalize("K7Q2-9XM")).isEmpty();
        assertThat(TrackingCodes.normalize("K7Q2-9XMDD")).isEmpty();
        assertThat(TrackingCodes.normalize("К7Q2-9XMD")).as("Cyrillic К").isEmpty();
        assertThat(TrackingCodes.normalize("K7Q2-9XM!")).isEmpty();
    }

    @Test
    void typeKeywordsInCyrillicAndLatin() {
        assertThat(PetitionType.fromKeyword("ГОМДОЛ")).contains(PetitionType.COMPLAINT);
        assertThat(PetitionType.fromKeyword("gomdol")).contains(PetitionType.COMPLAINT);
        assertThat(PetitionType.fromKeyword("Talarkhal")).contains(PetitionType.THANKS);
        assertThat(PetitionType.fromKeyword("хүсэлт")).contains(PetitionType.REQUEST);
        assertThat(PetitionType.fromKeyword("сайн")).isEmpty();
    }
}
