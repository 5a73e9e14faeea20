package mn.sanal.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import mn.sanal.petitions.PetitionType;

class SmsCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"ШАЛГАХ K7Q2-9XMD", "шалгах k7q2 9xmd", "shalgah K7Q29XMD", "STATUS k7q2-9xmd",
            "Status  K7Q2-9XMD "})
    void statusWithCode(String sms) {
        assertThat(SmsCommand.parse(sms)).isEqualTo(new SmsCommand.Status(Optional.of("K7Q2-9XMD"),
                ((SmsCommand.Status) SmsCommand.parse(sms)).typed()));
        assertThat(((SmsCommand.Status) SmsCommand.parse(sms)).code()).contains("K7Q2-9XMD");
    }

    @Test
    void statusWithoutOrWithBadCode() {
        assertThat(SmsCommand.parse("ШАЛГАХ")).isEqualTo(new SmsCommand.Status(Optional.empty(), ""));
        assertThat(((SmsCommand.Status) SmsCommand.parse("shalgah abc")).code()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "3", " 5 "})
    void bareDigitIsRating(String sms) {
        assertThat(SmsCommand.parse(sms)).isEqualTo(new SmsCommand.Rating(Integer.parseInt(sms.strip())));
    }

    @Test
    void otherNumbersAreText() {
        assertThat(SmsCommand.parse("6")).isInstanceOf(SmsCommand.Text.class);
        assertThat(SmsCommand.parse("1 ширхэг")).isInstanceOf(SmsCommand.Text.class);
    }

    @Test
    void stopStartHelp() {
        assertThat(SmsCommand.parse("ЗОГС")).isEqualTo(new SmsCommand.Stop());
        assertThat(SmsCommand.parse("stop")).isEqualTo(new SmsCommand.Stop());
        assertThat(SmsCommand.parse("Эхлэх")).isEqualTo(new SmsCommand.Start());
        assertThat(SmsCommand.parse("START")).isEqualTo(new SmsCommand.Start());
        assertThat(SmsCommand.parse("тусламж")).isEqualTo(new SmsCommand.Help());
        assertThat(SmsCommand.parse("Help")).isEqualTo(new SmsCommand.Help());
        assertThat(SmsCommand.parse("   ")).isEqualTo(new SmsCommand.Empty());
    }

    @Test
    void keywordFollowedByTextIsAPetition() {
        assertThat(SmsCommand.parse("Зогс гэж хэлсэн ч машин зогсоогүй")).isInstanceOf(SmsCommand.Text.class);
    }

    @Test
    void leadingTypeWordSetsTheType() {
        assertThat(SmsCommand.parse("ГОМДОЛ Эмнэлэгт эмч алга"))
                .isEqualTo(new SmsCommand.Text("Эмнэлэгт эмч алга", PetitionType.COMPLAINT, true));
        assertThat(SmsCommand.parse("gomdol emneleg")).isEqualTo(new SmsCommand.Text("emneleg",
                PetitionType.COMPLAINT, true));
        assertThat(SmsCommand.parse("Санал: цэцэрлэг")).isEqualTo(new SmsCommand.Text("цэцэрлэг",
                PetitionType.SUGGESTION, true));
        assertThat(SmsCommand.parse("KHUSELT zam")).isEqualTo(new SmsCommand.Text("zam", PetitionType.REQUEST, true));
        assertThat(SmsCommand.parse("Талархал эмч нарт")).isEqualTo(new SmsCommand.Text("эмч нарт",
                PetitionType.THANKS, true));
        assertThat(SmsCommand.parse("gomdol")).isEqualTo(new SmsCommand.Text("", PetitionType.COMPLAINT, true));
    }

    @Test
    void freeTextIsARequest() {
        assertThat(SmsCommand.parse("Манай багт  ус\nтасарсан"))
                .isEqualTo(new SmsCommand.Text("Манай багт ус тасарсан", PetitionType.REQUEST, false));
    }

    @Test
    void phones() {
        assertThat(SmsPhones.canonical("99112233")).isEqualTo("97699112233");
        assertThat(SmsPhones.canonical("+97699112233")).isEqualTo("97699112233");
        assertThat(SmsPhones.canonical("0097699112233")).isEqualTo("97699112233");
        assertThat(SmsPhones.canonical("97699112233")).isEqualTo("97699112233");
    }
}
