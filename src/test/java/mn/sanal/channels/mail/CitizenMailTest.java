package mn.sanal.channels.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import mn.sanal.attachments.AttachmentService;
import mn.sanal.intake.InboundMessage;
import mn.sanal.intake.IntakeService;
import mn.sanal.platform.Clocks;

/**
 * A new petition by mail counts from when the citizen sent it (the Date header), which the legal due date counts
 * from, unless that time is not believable.
 */
class CitizenMailTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-02T10:00:00+08:00");

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aMailSentLastNightCountsFromLastNight() {
        OffsetDateTime sent = OffsetDateTime.parse("2026-03-01T22:30:00+08:00");
        assertThat(receivedAtOfNewPetition(sent)).isEqualTo(sent);
    }

    @Test
    void aMailThatWaitedSixDaysInTheMailboxKeepsItsDay() {
        OffsetDateTime sent = NOW.minusDays(6);
        assertThat(receivedAtOfNewPetition(sent)).isEqualTo(sent);
    }

    @Test
    void aDateInTheFutureOrLongAgoOrMissingIsNotBelieved() {
        assertThat(receivedAtOfNewPetition(NOW.plusMinutes(1))).isEqualTo(NOW);
        assertThat(receivedAtOfNewPetition(NOW.plusYears(1))).isEqualTo(NOW);
        assertThat(receivedAtOfNewPetition(NOW.minus(CitizenMail.MAX_MAIL_AGE).minusSeconds(1))).isEqualTo(NOW);
        assertThat(receivedAtOfNewPetition(OffsetDateTime.parse("1999-01-01T00:00:00Z"))).isEqualTo(NOW);
        assertThat(receivedAtOfNewPetition(null)).isEqualTo(NOW);
        assertThat(CitizenMail.MAX_MAIL_AGE).isEqualTo(Duration.ofDays(7));
    }

    /** What the mail channel hands to intake for a new mail sent at {@code sentAt}, with the engine clock at NOW. */
    private static OffsetDateTime receivedAtOfNewPetition(OffsetDateTime sentAt) {
        ClockUtil.setCurrentTime(Clocks.toDate(NOW));
        IntakeService intake = mock(IntakeService.class);
        AttachmentService attachments = mock(AttachmentService.class);
        when(attachments.newBatch()).thenReturn(mock(AttachmentService.Batch.class));
        CitizenMail citizenMail = new CitizenMail(intake, attachments);

        citizenMail.handle(new ParsedMail("id-1@example.mn", "id-1@example.mn", "bat@example.mn", "Бат",
                "sanal@localhost", "Гудамжны гэрэл", "Манай гудамжны гэрэл асахгүй байна.", List.of(), List.of(),
                Map.of(), sentAt));

        ArgumentCaptor<InboundMessage> m = ArgumentCaptor.forClass(InboundMessage.class);
        verify(intake).receive(m.capture());
        return m.getValue().receivedAt();
    }
}
