package mn.sanal.ldf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the fund says by SMS fits one UCS-2 segment (70 characters) at its longest, and the keyword grammar takes
 * what citizens type and nothing else.
 */
class LdfTextsTest {

    @Test
    void everyAutomaticTextFitsOneSmsSegment() {
        assertThat(LdfTexts.fixed()).isNotEmpty().allSatisfy(t -> assertThat(t.length()).as(t)
                .isLessThanOrEqualTo(70));
    }

    @Test
    void theKeywordInCyrillicOrLatinAnyCaseThenTheProposal() {
        assertThat(LdfProposals.keyword("ОНХС Сүмбэр 2-р баг худаг")).contains("Сүмбэр 2-р баг худаг");
        assertThat(LdfProposals.keyword("онхс: худаг")).contains("худаг");
        assertThat(LdfProposals.keyword("  ONKHS hudag")).contains("hudag");
        assertThat(LdfProposals.keyword("onhs")).contains("");
        // a petition about the fund is a petition
        assertThat(LdfProposals.keyword("ОНХС-ийн төсөл муу байна")).isEmpty();
        assertThat(LdfProposals.keyword("ОНХСийн төсөл")).isEmpty();
        assertThat(LdfProposals.keyword("Манай ОНХС төсөл")).isEmpty();
        assertThat(LdfProposals.keyword(null)).isEmpty();
    }
}
