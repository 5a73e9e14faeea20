package mn.sanal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import mn.sanal.support.Http;

/**
 * What {@code ./mvnw spring-boot:run} starts: the default profile with its demo data and its dev simulators (the
 * embedded SMSC and GreenMail), here on free ports and an in-memory H2 instead of ./data. A citizen texts and mails
 * it, and gets the acknowledgement back on the same channel.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DefaultProfileIT {

    private static final int SMPP_PORT = freePort();
    private static final int IMAP_PORT = freePort();
    private static final int SMTP_PORT = freePort();

    @DynamicPropertySource
    static void devMachine(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", () -> "jdbc:h2:mem:default-profile-it;DB_CLOSE_DELAY=-1");
        r.add("sanal.sms.smsc.port", () -> SMPP_PORT);
        r.add("sanal.mail.imap.port", () -> IMAP_PORT);
        r.add("sanal.mail.smtp.port", () -> SMTP_PORT);
        r.add("sanal.attachments.dir", () -> "target/default-profile-it/attachments");
        r.add("sanal.fax.spool-dir", () -> "target/default-profile-it/fax-spool");
        r.add("sanal.voicemail.spool-dir", () -> "target/default-profile-it/voicemail");
    }

    @LocalServerPort
    int port;

    @Autowired
    GreenMail mailSimulator;

    @Test
    void aCitizenTextsTheSimulatedSmscAndGetsTheTrackingCodeBack() {
        Http http = Http.to(port);
        assertThat(http.postForm("/dev/sms", Map.of("from", "99112233",
                "text", "ГОМДОЛ Сургуулийн халаалт ажиллахгүй байна")).status()).isEqualTo(200);

        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                assertThat(http.get("/dev/sms/sent").json().toString())
                        .contains("Гомдлыг хүлээн авлаа", "ШАЛГАХ ")
                        .doesNotContain("??"));
    }

    @Test
    void aCitizenMailsTheEmbeddedMailServerAndGetsAThreadedAnswer() throws Exception {
        GreenMailUtil.sendTextEmail("sanal@localhost", "bat@example.mn", "Санал: гудамжны гэрэл",
                "Сүмбэр сумын 3-р багт гудамжны гэрэл асахгүй байна.",
                new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            MimeMessage ack = Arrays.stream(mailSimulator.getReceivedMessagesForDomain("example.mn"))
                    .findFirst().orElseThrow();
            assertThat(ack.getSubject()).startsWith("Санал ").matches("Санал [0-9A-Z]{4}-[0-9A-Z]{4}.*");
            assertThat(ack.getHeader("In-Reply-To")).isNotEmpty();
            assertThat(GreenMailUtil.getBody(ack)).isNotBlank();
        });
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
