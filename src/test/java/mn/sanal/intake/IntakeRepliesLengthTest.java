package mn.sanal.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.transaction.support.TransactionTemplate;

import mn.sanal.attachments.AttachmentService;
import mn.sanal.organisations.PlaceResolver;
import mn.sanal.outbox.OutboxService;
import mn.sanal.petitions.Channel;
import mn.sanal.petitions.CitizenNotifier;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionService;
import mn.sanal.petitions.PetitionStatus;
import mn.sanal.petitions.PetitionType;

/**
 * Every answer intake writes by itself (status, confirmations, refusals, help, opt-out) fits one UCS-2 SMS segment
 * (70 characters: all of them are Cyrillic) with the longest values it can carry: the longest status label and date,
 * a tracking code (always nine characters). The refusals are the real ones, from the one call on mocks that know
 * nothing (nothing awaits a reply).
 */
class IntakeRepliesLengthTest {

    static final String CODE = "WWWW-WWWW";
    static final OffsetDateTime DUE = OffsetDateTime.of(2026, 12, 22, 23, 59, 59, 0, ZoneOffset.ofHours(8));
    /** One UCS-2 segment. */
    static final int SEGMENT = 70;

    @Test
    void everyAnswerIntakeWritesFitsOneSmsSegment() throws Exception {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Field f : IntakeReplies.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                texts.put("IntakeReplies." + f.getName(), (String) f.get(null));
            }
        }
        for (PetitionStatus status : PetitionStatus.values()) {
            for (boolean overdue : new boolean[] {false, true}) {
                texts.put("status " + status + (overdue ? " overdue" : ""),
                        IntakeReplies.status(petition(status, overdue)));
            }
        }
        Petition p = petition(PetitionStatus.ANSWERED, true);
        texts.put("statusNotFound", IntakeReplies.statusNotFound(CODE));
        texts.put("notAwaitingRating", IntakeReplies.notAwaitingRating(p));
        texts.put("notAwaitingInformation", IntakeReplies.notAwaitingInformation(p));
        texts.put("informationReceived", IntakeReplies.informationReceived(p));
        texts.put("followUpAdded", IntakeReplies.followUpAdded(p));
        texts.put("tooLong", IntakeReplies.tooLong());
        texts.putAll(refusals(p));

        List<String> tooLong = new ArrayList<>();
        texts.forEach((name, text) -> {
            assertThat(text).as(name).isNotBlank();
            if (text.length() > SEGMENT) {
                tooLong.add(name + " (" + text.length() + "): " + text);
            }
        });
        assertThat(tooLong).as("intake answers longer than one SMS segment").isEmpty();
        assertThat(texts).hasSizeGreaterThan(40);
    }

    /** What intake answers when it refuses what an SMS asked for: the real answers of the one call. */
    private static Map<String, String> refusals(Petition p) {
        PetitionService petitions = mock(PetitionService.class);
        when(petitions.findByTrackingCode(CODE)).thenReturn(Optional.of(p));
        ProcessGateway processes = mock(ProcessGateway.class);
        CitizenNotifier notifier = mock(CitizenNotifier.class);
        AttachmentService attachments = mock(AttachmentService.class);
        NewPetitions newPetitions = new NewPetitions(petitions, processes, mock(PlaceResolver.class));
        @SuppressWarnings("unchecked")
        ObjectProvider<InboundKind> kinds = mock(ObjectProvider.class);
        when(kinds.orderedStream()).thenAnswer(call -> Stream.of(new KeywordRequests(mock(OptOuts.class)),
                new StatusQuery(petitions), new RatingReply(petitions, processes),
                new InformationReply(petitions, processes, notifier),
                new FollowUp(petitions, processes, notifier, attachments, newPetitions), newPetitions));
        TransactionTemplate tx = mock(TransactionTemplate.class);
        when(tx.execute(any())).thenAnswer(call ->
                call.<TransactionCallback<?>>getArgument(0).doInTransaction(mock(TransactionStatus.class)));
        IntakeService intake = new IntakeService(petitions, mock(InboundMessageLedger.class), attachments, notifier,
                mock(OutboxService.class), tx, kinds, new StaticListableBeanFactory().getBeanProvider(
                        io.micrometer.core.instrument.MeterRegistry.class));

        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("empty", refusal(intake.receive(sms(" "))));
        refusals.put("type without text", refusal(intake.receive(sms("gomdol"))));
        refusals.put("petition too long", refusal(intake.receive(sms("ө".repeat(IntakeService.MAX_TEXT_LENGTH + 1)))));
        refusals.put("status without code", refusal(intake.receive(sms("ШАЛГАХ"))));
        refusals.put("status with a bad code", refusal(intake.receive(sms("ШАЛГАХ " + "x".repeat(300)))));
        refusals.put("status of an unknown code", refusal(intake.receive(sms("ШАЛГАХ ZZZZ-ZZZZ"))));
        refusals.put("bare rating, nothing awaits", refusal(intake.receive(sms("3"))));
        refusals.put("rating out of range", refusal(intake.rate(Channel.SMS, "k1", "976", p, 9)));
        refusals.put("no rating awaited", refusal(intake.rate(Channel.SMS, "k2", "976", p, 3)));
        refusals.put("empty information", refusal(intake.provideInformation(Channel.SMS, "k3", "976", p, " ")));
        refusals.put("no information awaited",
                refusal(intake.provideInformation(Channel.SMS, "k4", "976", p, "Мэдээлэл")));
        return refusals;
    }

    private static InboundMessage sms(String text) {
        return InboundMessage.of(Channel.SMS, "k-" + text.hashCode(), "97699112233", text);
    }

    private static String refusal(IntakeResult r) {
        assertThat(r).isInstanceOf(IntakeResult.Rejected.class);
        return ((IntakeResult.Rejected) r).message();
    }

    private static Petition petition(PetitionStatus status, boolean overdue) {
        return new Petition(1L, CODE, PetitionType.CRITICISM, Channel.SMS, "k", "97699112233", null, null, null,
                "Текст", null, null, null, null, null, null, null, null, DUE.minusDays(30), DUE, DUE, null, status,
                overdue, null, null, null, null, null, null, DUE);
    }
}
