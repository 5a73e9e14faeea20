package mn.sanal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.awaitility.Awaitility;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.PropertyPlaceholderHelper;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import mn.sanal.support.Http;

/**
 * What {@code ./mvnw spring-boot:run} starts: the default profile with its demo data, its H2 file database (the
 * default URL, in a folder under target/ instead of ./data) and its dev simulators (the embedded SMSC and GreenMail),
 * here on free ports. A citizen texts and mails it, and gets the acknowledgement back on the same channel; a stranger
 * on the network reaches none of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DefaultProfileIT {

    private static final int SMPP_PORT = freePort();
    private static final int IMAP_PORT = freePort();
    private static final int SMTP_PORT = freePort();
    private static final Path DATA = Path.of("target/default-profile-it/data");

    @DynamicPropertySource
    static void devMachine(DynamicPropertyRegistry r) throws IOException {
        FileSystemUtils.deleteRecursively(DATA);
        r.add("spring.datasource.url", () -> defaultDatabaseUrl().replace("./data/", "./" + DATA + "/"));
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

    private Http admin() {
        return Http.to(port).as("demo", "demo");
    }

    @Test
    void aCitizenTextsTheSimulatedSmscAndGetsTheTrackingCodeBack() {
        Http admin = admin();
        assertThat(admin.postForm("/dev/sms", Map.of("from", "99112233",
                "text", "ГОМДОЛ Сургуулийн халаалт ажиллахгүй байна")).status()).isEqualTo(200);

        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                assertThat(admin.get("/dev/sms/sent").json().toString())
                        .contains("Гомдлыг хүлээн авлаа", "ШАЛГАХ ")
                        .doesNotContain("??"));
    }

    /**
     * The answer lands in the citizen's mailbox, which nobody can log in to (GreenMail's default password is the
     * address itself); the admin reads it at /dev/mail/sent. Only the app's mailbox login works.
     */
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
        assertThat(admin().get("/dev/mail/sent").json().toString()).contains("bat@example.mn", "Санал ");

        // GreenMail's own default would let anyone in with the address as password
        assertThatThrownBy(() -> imapLogin("bat@example.mn", "bat@example.mn"))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> imapLogin("sanal@localhost", "guess"))
                .isInstanceOf(AuthenticationFailedException.class);
        imapLogin("sanal@localhost", "sanal");
    }

    @Test
    void theDevEndpointsNeedTheAdminLogin() {
        Http anonymous = Http.to(port);
        Http official = anonymous.as("sumber.health", "demo");
        for (String path : List.of("/dev/sms/sent", "/dev/mail/sent")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
            assertThat(official.get(path).status()).as(path).isEqualTo(403);
            assertThat(admin().get(path).status()).as(path).isEqualTo(200);
        }
        Map<String, String> sms = Map.of("from", "99001122", "text", "САНАЛ туршилт");
        assertThat(anonymous.postForm("/dev/sms", sms).status()).isEqualTo(401);
        assertThat(official.postForm("/dev/sms", sms).status()).isEqualTo(403);
    }

    /** HTTP, SMPP, IMAP and SMTP answer on loopback and on no other address of the machine. */
    @Test
    void nothingListensBeyondLoopback() throws IOException {
        Optional<InetAddress> lan = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
        assumeThat(lan).as("a non-loopback IPv4 address on this machine").isPresent();
        for (int p : List.of(port, SMPP_PORT, IMAP_PORT, SMTP_PORT)) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), p), 2000);
            }
            assertThatThrownBy(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(lan.get(), p), 2000);
                }
            }).as("port %d on %s", p, lan.get()).isInstanceOf(ConnectException.class);
        }
    }

    /** Only the app's login binds to the SMSC simulator (a foreign bind succeeded before). */
    @Test
    void theSmscSimulatorRefusesForeignBinds() {
        for (String[] login : List.of(new String[] {"intruder", ""}, new String[] {"sanal", "guess"})) {
            SMPPSession session = new SMPPSession();
            try {
                assertThatThrownBy(() -> session.connectAndBind("127.0.0.1", SMPP_PORT,
                        new BindParameter(BindType.BIND_TRX, login[0], login[1], "", TypeOfNumber.UNKNOWN,
                                NumberingPlanIndicator.UNKNOWN, null)))
                        .as("bind as %s", login[0]).isInstanceOf(IOException.class);
            } finally {
                session.unbindAndClose();
            }
        }
    }

    /**
     * The H2 file database serves this process only: no AUTO_SERVER, whose lock file held the TCP port it opened and
     * the key to it ({@code server}, {@code id}). Without it there is no lock file at all.
     */
    @Test
    void theDatabaseOpensNoServer() throws IOException {
        assertThat(Files.exists(DATA.resolve("sanal.mv.db"))).isTrue();
        Path lock = DATA.resolve("sanal.lock.db");
        if (Files.exists(lock)) {
            Properties p = new Properties();
            try (var in = Files.newInputStream(lock)) {
                p.load(in);
            }
            assertThat(p).doesNotContainKeys("server", "id");
        }
        assertThat(defaultDatabaseUrl()).startsWith("jdbc:h2:file:./data/").doesNotContainIgnoringCase("AUTO_SERVER");
    }

    private void imapLogin(String user, String password) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", IMAP_PORT, user, password);
        store.close();
    }

    /** spring.datasource.url of application.yaml, as it is without SANAL_DB_URL. */
    private static String defaultDatabaseUrl() {
        try {
            Object raw = new YamlPropertySourceLoader().load("app", new ClassPathResource("application.yaml")).get(0)
                    .getProperty("spring.datasource.url");
            return new PropertyPlaceholderHelper("${", "}", ":", null, true)
                    .replacePlaceholders(String.valueOf(raw), name -> null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
