package mn.sanal.polls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every answer to a voter fits one UCS-2 segment (70 characters) with the longest code a poll can have and the
 * longest values it carries, and the grammar takes what voters type.
 */
class PollRepliesLengthTest {

    static final String LONGEST_CODE = "С999999";

    @Test
    void everyReplyFitsOneSegment() {
        List<String> options = List.of("Тийм", "Үгүй", "Мэдэхгүй", "Дараа шийдэх", "Өөр газар", "Зургаа", "Долоо",
                "Найм", "Ес дэх сонголт");
        for (String reply : List.of(PollReplies.recorded(LONGEST_CODE, 9), PollReplies.alreadyVoted(LONGEST_CODE),
                PollReplies.replaced(LONGEST_CODE, 9), PollReplies.notRegistered(LONGEST_CODE),
                PollReplies.notInAudience(LONGEST_CODE), PollReplies.notEligible(LONGEST_CODE, 25),
                PollReplies.closed(LONGEST_CODE), PollReplies.notOpenYet(LONGEST_CODE, "2026.11.24 09:00"),
                PollReplies.notAnOption(LONGEST_CODE, options),
                PollReplies.notAnOption(LONGEST_CODE, List.of("Тийм", "Үгүй")))) {
            assertThat(reply.length()).as(reply).isLessThanOrEqualTo(PollReplies.MAX);
        }
        // short options are listed again; long ones by their numbers
        assertThat(PollReplies.notAnOption("С12", List.of("Тийм", "Үгүй"))).isEqualTo("С12: 1=Тийм 2=Үгүй. Жишээ: С12 1");
        assertThat(PollReplies.notAnOption("С12", options)).startsWith("С12: 1-9 хүртэлх");
    }

    @Test
    void theCodeOpensTheMessageInCyrillicOrLatinAndABareDigitIsNoVote() {
        assertThat(PollCodes.parse("С12 2")).hasValueSatisfying(b -> {
            assertThat(b.code()).isEqualTo("С12");
            assertThat(b.option()).hasValue(2);
        });
        assertThat(PollCodes.parse(" s12-3 ")).hasValueSatisfying(b -> assertThat(b.option()).hasValue(3));
        assertThat(PollCodes.parse("с12:1.")).hasValueSatisfying(b -> assertThat(b.option()).hasValue(1));
        assertThat(PollCodes.parse("С12 хоёр")).hasValueSatisfying(b -> assertThat(b.option()).isEmpty());
        assertThat(PollCodes.parse("2")).isEmpty();
        assertThat(PollCodes.parse("Сүмбэр сумын 3-р багт")).isEmpty();
        assertThat(PollCodes.parse("С 100 төгрөг")).isEmpty();
    }
}
