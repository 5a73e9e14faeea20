package mn.sanal.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
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
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import mn.sanal.intake.IntakeResult;
import mn.sanal.intake.IntakeService;
import mn.sanal.petitions.Channel;
import mn.sanal.petitions.CitizenTexts;
import mn.sanal.petitions.NewPetition;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionStatus;
import mn.sanal.petitions.PetitionType;

/**
 * Every SMS the system writes by itself (acknowledgement, status, confirmations, refusals, help) fits one UCS-2
 * segment (70 characters), so that a petition by SMS costs the citizen's operator one billed message per reply, with
 * the longest values each text can carry: the longest petition type, status label and date, a tracking code (always
 * nine characters). Texts that carry an official's words (the answer, a question, the extension's reason, the body a
 * case moved to) cannot be bounded; their frame alone must leave room.
 */
class AutomaticSmsLengthTest {

    /** Every tracking code has this form: 8 symbols and a dash. */
    static final String CODE = "WWWW-WWWW";
    /** Every date is yyyy.MM.dd. */
    static final OffsetDateTime DUE = OffsetDateTime.of(2026, 12, 22, 23, 59, 59, 0, ZoneOffset.ofHours(8));

    @Test
    void everyAutomaticSmsFitsOneUcs2Segment() throws Exception {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Field f : SmsReplies.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                f.setAccessible(true);
                texts.put("SmsReplies." + f.getName(), (String) f.get(null));
            }
        }
        for (PetitionType type : PetitionType.values()) {
            texts.put("acknowledged " + type, CitizenTexts.acknowledged(petition(type, PetitionStatus.RECEIVED, false)));
        }
        for (PetitionStatus status : PetitionStatus.values()) {
            for (boolean overdue : new boolean[] {false, true}) {
                texts.put("status " + status + (overdue ? " overdue" : ""),
                        SmsReplies.status(petition(PetitionType.CRITICISM, status, overdue)));
            }
        }
        Petition p = petition(PetitionType.CRITICISM, PetitionStatus.ANSWERED, true);
        texts.put("statusNotFound", SmsReplies.statusNotFound(CODE));
        texts.put("informationReceived", SmsReplies.informationReceived(p));
        for (boolean reviewed : new boolean[] {false, true}) {
            texts.put("thanksForRating " + reviewed, CitizenTexts.thanksForRating(p, reviewed));
        }
        texts.put("reopened", CitizenTexts.reopened(p));
        texts.putAll(intakeRefusals(p));

        List<String> tooLong = new ArrayList<>();
        texts.forEach((name, text) -> {
            assertThat(text).as(name).isNotBlank();
            if (SmsEncoding.encode(text).parts().size() != 1) {
                tooLong.add(name + " (" + text.length() + "): " + text);
            }
        });
        assertThat(tooLong).as("automatic SMS longer than one segment").isEmpty();
        assertThat(texts).hasSizeGreaterThan(30);
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

    /** What intake answers when it refuses something an SMS asked for (the SMS channel sends the message back). */
    private static Map<String, String> intakeRefusals(Petition p) throws Exception {
        TransactionTemplate tx = mock(TransactionTemplate.class);
        when(tx.execute(any())).thenAnswer(call ->
                call.<TransactionCallback<?>>getArgument(0).doInTransaction(mock(TransactionStatus.class)));
        // the real refusals, not copies: intake's own code on mocks that know nothing (nothing awaits a reply)
        Constructor<?> c = IntakeService.class.getDeclaredConstructors()[0];
        c.setAccessible(true);
        Object[] args = Arrays.stream(c.getParameterTypes())
                .map(t -> t == TransactionTemplate.class ? tx : mock(t)).toArray();
        IntakeService intake = (IntakeService) c.newInstance(args);
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("intake: empty", refusal(intake.submit(sms(" "))));
        refusals.put("intake: too long", refusal(intake.submit(sms("ө".repeat(IntakeService.MAX_TEXT_LENGTH + 1)))));
        refusals.put("intake: rating out of range", refusal(intake.rate(Channel.SMS, "k1", "976", p, 9)));
        refusals.put("intake: no rating awaited", refusal(intake.rate(Channel.SMS, "k2", "976", p, 3)));
        refusals.put("intake: empty information", refusal(intake.provideInformation(Channel.SMS, "k3", "976", p, " ")));
        refusals.put("intake: no information awaited",
                refusal(intake.provideInformation(Channel.SMS, "k4", "976", p, "Мэдээлэл")));
        return refusals;
    }

    private static NewPetition sms(String text) {
        return new NewPetition(Channel.SMS, "k", PetitionType.REQUEST, text, "97699112233", null, null, null, null,
                null, DUE);
    }

    private static String refusal(IntakeResult r) {
        assertThat(r).isInstanceOf(IntakeResult.Rejected.class);
        return ((IntakeResult.Rejected) r).message();
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
