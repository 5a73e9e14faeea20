package mn.sanal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecipientKeyTest {

    @Test
    void oneMailboxIsOneRecipientHoweverItIsSpelled() {
        assertThat(OutboxService.recipientKey("EMAIL", "Bat+1@Example.MN")).isEqualTo("bat@example.mn");
        assertThat(OutboxService.recipientKey("EMAIL", "bat@example.mn")).isEqualTo("bat@example.mn");
        assertThat(OutboxService.recipientKey("SMS", "97699112233")).isEqualTo("97699112233");
        assertThat(OutboxService.recipientKey("EMAIL", "+bat@example.mn")).isEqualTo("+bat@example.mn");
    }
}
