package mn.sanal.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import mn.sanal.petitions.PetitionType;

/** The keyword grammar, the same for every channel. */
class CommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"ШАЛГАХ K7Q2-9XMD", "шалгах k7q2 9xmd", "shalgah K7Q29XMD", "STATUS k7q2-9xmd",
            "Status  K7Q2-9XMD "})
    void statusWithCode(String sms) {
        assertThat(Command.parse(sms)).isEqualTo(new Command.Status(Optional.of("K7Q2-9XMD"),
                ((Command.Status) Command.parse(sms)).typed()));
        assertThat(((Command.Status) Command.parse(sms)).code()).contains("K7Q2-9XMD");
    }

    @Test
    void statusWithoutOrWithBadCode() {
        assertThat(Command.parse("ШАЛГАХ")).isEqualTo(new Command.Status(Optional.empty(), ""));
        assertThat(((Command.Status) Command.parse("shalgah abc")).code()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "3", " 5 "})
    void bareDigitIsRating(String sms) {
        assertThat(Command.parse(sms)).isEqualTo(new Command.Rating(Integer.parseInt(sms.strip())));
    }

    @Test
    void otherNumbersAreText() {
        assertThat(Command.parse("6")).isInstanceOf(Command.Text.class);
        assertThat(Command.parse("1 ширхэг")).isInstanceOf(Command.Text.class);
    }

    @Test
    void stopStartHelp() {
        assertThat(Command.parse("ЗОГС")).isEqualTo(new Command.Stop());
        assertThat(Command.parse("stop")).isEqualTo(new Command.Stop());
        assertThat(Command.parse("Эхлэх")).isEqualTo(new Command.Start());
        assertThat(Command.parse("START")).isEqualTo(new Command.Start());
        assertThat(Command.parse("тусламж")).isEqualTo(new Command.Help());
        assertThat(Command.parse("Help")).isEqualTo(new Command.Help());
        assertThat(Command.parse("   ")).isEqualTo(new Command.Empty());
    }

    @Test
    void keywordFollowedByTextIsAPetition() {
        assertThat(Command.parse("Зогс гэж хэлсэн ч машин зогсоогүй")).isInstanceOf(Command.Text.class);
    }

    @Test
    void leadingTypeWordSetsTheType() {
        assertThat(Command.parse("ГОМДОЛ Эмнэлэгт эмч алга"))
                .isEqualTo(new Command.Text("Эмнэлэгт эмч алга", PetitionType.COMPLAINT, true));
        assertThat(Command.parse("gomdol emneleg")).isEqualTo(new Command.Text("emneleg",
                PetitionType.COMPLAINT, true));
        assertThat(Command.parse("Санал: цэцэрлэг")).isEqualTo(new Command.Text("цэцэрлэг",
                PetitionType.SUGGESTION, true));
        assertThat(Command.parse("KHUSELT zam")).isEqualTo(new Command.Text("zam", PetitionType.REQUEST, true));
        assertThat(Command.parse("Талархал эмч нарт")).isEqualTo(new Command.Text("эмч нарт",
                PetitionType.THANKS, true));
        assertThat(Command.parse("gomdol")).isEqualTo(new Command.Text("", PetitionType.COMPLAINT, true));
    }

    @Test
    void freeTextIsARequest() {
        assertThat(Command.parse("Манай багт  ус\nтасарсан"))
                .isEqualTo(new Command.Text("Манай багт  ус\nтасарсан", PetitionType.REQUEST, false));
    }

    @Test
    void aMailSubjectCanBeTheCommand() {
        assertThat(Command.parse("ШАЛГАХ K7Q2-9XMD", "Сайн байна уу, миний өргөдөл хаана явна?"))
                .isInstanceOfSatisfying(Command.Status.class, s -> assertThat(s.code()).contains("K7Q2-9XMD"));
        assertThat(Command.parse("ЗОГС", "")).isEqualTo(new Command.Stop());
        assertThat(Command.parse("Re: Санал K7Q2-9XMD", "ЗОГС")).isEqualTo(new Command.Stop());
        // a subject word that is also a keyword does not swallow a mail that says more
        assertThat(Command.parse("Тусламж", "Манай багт өвлийн түлшний тусламж хэрэгтэй байна."))
                .isEqualTo(new Command.Text("Тусламж\n\nМанай багт өвлийн түлшний тусламж хэрэгтэй байна.",
                        PetitionType.REQUEST, false));
    }

    @Test
    void aMailIsSubjectAndBodyTogether_typedByTheSubjectElseTheBody() {
        assertThat(Command.parse("Гомдол: гэрэл асахгүй", "Сүмбэрт\nгэрэл асахгүй байна."))
                .isEqualTo(new Command.Text("Гомдол: гэрэл асахгүй\n\nСүмбэрт\nгэрэл асахгүй байна.",
                        PetitionType.COMPLAINT, true));
        assertThat(Command.parse("Хүүхдийн цэцэрлэг", "Санал: тоглоомын талбай"))
                .isEqualTo(new Command.Text("Хүүхдийн цэцэрлэг\n\nСанал: тоглоомын талбай", PetitionType.SUGGESTION,
                        true));
        assertThat(Command.parse("", "gomdol emneleg")).isEqualTo(new Command.Text("emneleg",
                PetitionType.COMPLAINT, true));
    }

    @Test
    void codesAreFoundWithTheDashAnywhereOrAsTheFirstWord() {
        assertThat(Command.codes("Re: Санал K7Q2-9XMD (k7q2-9xmd)")).containsExactly("K7Q2-9XMD");
        assertThat(Command.codes("k7q29xmd 2-р байрны ард")).containsExactly("K7Q2-9XMD");
        assertThat(Command.codes("Манай 2-р байрны ард хог")).isEmpty();
        assertThat(Command.codes(null)).isEmpty();
    }

    @Test
    void aReplyToOurAnswerMayStartWithItsRating() {
        assertThat(Command.leadingRating("5")).hasValue(5);
        assertThat(Command.leadingRating("4/5 баярлалаа")).hasValue(4);
        assertThat(Command.leadingRating("3. Дунд зэрэг")).hasValue(3);
        assertThat(Command.leadingRating("2-р байрны ард")).isEmpty();
        assertThat(Command.leadingRating("10")).isEmpty();
    }
}
