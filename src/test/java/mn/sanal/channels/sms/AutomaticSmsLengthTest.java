package mn.sanal.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import mn.sanal.petitions.Channel;
import mn.sanal.petitions.CitizenTexts;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionStatus;
import mn.sanal.petitions.PetitionType;

/**
 * Every SMS the process writes by itself (acknowledgement, thanks for a rating, reopened) fits one UCS-2 segment (70 characters), so that a petition by SMS costs the citizen's operator one billed message per reply, with
 * the longest values each text can carry: the longest petition type, status label and date, a tracking code (always
 * nine characters). Texts that carry an official's words (the answer, a question, the extension's reason, the body a
 * case moved to) cannot be bounded; their frame alone must leave room. What intake answers by itself (status,
 * confirmations, refusals, help) is held by {@code mn.sanal.intake.IntakeRepliesLengthTest}.
 */
class AutomaticSmsLengthTest {

    /** Every tracking code has this form: 8 symbols and a dash. */
    static final String CODE = "WWWW-WWWW";
    /** Every date is yyyy.MM.dd. */
    static final OffsetDateTime DUE = OffsetDateTime.of(2026, 12, 22, 23, 59, 59, 0, ZoneOffset.ofHours(8));

    @Test
    void everyAutomaticSmsFitsOneUcs2Segment() throws Exception {
        Map<String, String> texts = new LinkedHashMap<>();
        for (PetitionType type : PetitionType.values()) {
            texts.put("acknowledged " + type, CitizenTexts.acknowledged(petition(type, PetitionStatus.RECEIVED, false)));
        }
        Petition p = petition(PetitionType.CRITICISM, PetitionStatus.ANSWERED, true);
        for (boolean reviewed : new boolean[] {false, true}) {
            texts.put("thanksForRating " + reviewed, CitizenTexts.thanksForRating(p, reviewed));
        }
        texts.put("reopened", CitizenTexts.reopened(p));

        List<String> tooLong = new ArrayList<>();
        texts.forEach((name, text) -> {
            assertThat(text).as(name).isNotBlank();
            if (SmsEncoding.encode(text).parts().size() != 1) {
                tooLong.add(name + " (" + text.length() + "): " + text);
            }
        });
        assertThat(tooLong).as("automatic SMS longer than one segment").isEmpty();
        assertThat(texts).hasSize(PetitionType.values().length + 3);
    }

    /** The frame around an official's words leaves room for at least ten of them in the same segment. */
    @Test
    void textsWithAnOfficialsWordsKeepTheirFrameShort() {
        String words = "ө".repeat(10);
        Petition p = petition(PetitionType.CRITICISM, PetitionStatus.ASSIGNED, false);
        Petition answered = new Petition(p.id(), CODE, p.type(), p.channel(), null, p.contactPhone(), null, null,
                null, null, null, null, null, null, null, null, null, null, p.receivedAt(), DUE, DUE, null,
                PetitionStatus.ANSWERED, false, words, "RESOLVED", null, null, null, null, null);
        Map<String, String> texts = Map.of(
                "extended", CitizenTexts.extended(p, DUE, words),
                "transferred", CitizenTexts.transferred(p, words),
                "informationRequested", CitizenTexts.informationRequested(p, words, 14),
                "answered", CitizenTexts.answered(answered));
        texts.forEach((name, text) -> assertThat(segments(text)).as("%s (%d): %s", name, text.length(), text)
                .isEqualTo(1));
    }

    /** A new text in CitizenTexts must be added above: every public text is covered by one of the two tests. */
    @Test
    void everyCitizenTextIsCovered() {
        Set<String> methods = Arrays.stream(CitizenTexts.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
                .map(Method::getName).collect(Collectors.toSet());
        assertThat(methods).containsExactlyInAnyOrder("acknowledged", "thanksForRating", "reopened", "extended",
                "transferred", "informationRequested", "answered");
    }

    private static int segments(String text) {
        return SmsEncoding.encode(text).parts().size();
    }

    private static Petition petition(PetitionType type, PetitionStatus status, boolean overdue) {
        return new Petition(1L, CODE, type, Channel.SMS, "k", "97699112233", null, null, null, "Текст", null, null,
                null, null, null, null, null, null, DUE.minusDays(30), DUE, DUE, null, status, overdue, null, null,
                null, null, null, null, DUE);
    }
}
