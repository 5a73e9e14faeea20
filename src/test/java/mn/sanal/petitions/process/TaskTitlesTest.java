package mn.sanal.petitions.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskTitlesTest {

    @Test
    void theNameCarriesTheCodeAndTheBeginningOfTheCitizensText() {
        String subject = TaskTitles.subject("  Сүмбэр сумын эрүүл мэндийн төвд\n эмч ирэхгүй, дараалал хэт урт байна.  ",
                "Эрүүл мэнд", "Гомдол");

        assertThat(subject).isEqualTo("Сүмбэр сумын эрүүл мэндийн төвд эмч ирэхгүй,…").hasSizeLessThanOrEqualTo(48);
        assertThat(TaskTitles.name("Өргөдөл шийдвэрлэх", "XTSQ-712G", subject))
                .isEqualTo("Өргөдөл шийдвэрлэх · XTSQ-712G · Сүмбэр сумын эрүүл мэндийн төвд эмч ирэхгүй,…");
    }

    @Test
    void withoutTextTheCategoryOrTheKindIsTheSubject() {
        assertThat(TaskTitles.subject(" ", "Эрүүл мэнд", "Гомдол")).isEqualTo("Эрүүл мэнд");
        assertThat(TaskTitles.subject(null, null, "Гомдол")).isEqualTo("Гомдол");
    }

    @Test
    void theNameFitsCamundasColumn() {
        String name = TaskTitles.name("х".repeat(300), "XTSQ-712G", "subject");

        assertThat(name).hasSize(TaskTitles.NAME_LIMIT).endsWith("…");
    }
}
