package mn.sanal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import mn.sanal.support.IntegrationTest;

/**
 * A stranger tries passwords, as in issue 7: from an address of their own, against the public HTTP Basic of
 * {@code /engine-rest} and the webapps' login form. The engine's login delay and the per-client throttle run on the
 * engine's clock, so the test moves {@link ClockUtil} instead of sleeping. Every test uses its own client address
 * (another 127.x.x.x: the server listens on loopback) and its own victim, so they run in any order.
 */
class LoginLockoutIT extends IntegrationTest {

    private static final String ADMIN = "demo";
    private static final String PROBE = "/engine-rest/user/count";

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    /**
     * Issue 7: ten wrong passwords for the admin, each after the previous delay ran out, locked it for good
     * (ENGINE-27002). Now the stranger is throttled, and the admin logs in once the last delay has passed.
     */
    @Test
    void tenWrongPasswordsFromAStrangerDoNotLockTheAdminForGood() throws IOException {
        Client stranger = new Client("127.0.0.2");
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            advanceSeconds(61); // past the longest login delay: every try reaches the password check
            answers.add(stranger.get(PROBE, ADMIN, "guess-" + i));
        }
        assertThat(answers.subList(0, 5)).extracting(Answer::status).containsOnly(401);
        assertThat(answers).filteredOn(a -> a.status() == 429).isNotEmpty()
                .allSatisfy(a -> assertThat(Long.parseLong(a.header("Retry-After"))).isBetween(1L, 900L));
        assertThat(answers).extracting(Answer::status).containsOnly(401, 429);

        advanceSeconds(61);
        assertThat(as(ADMIN).get(PROBE).status()).isEqualTo(200);
    }

    /**
     * Strangers on ten addresses, one wrong password each (no client reaches its limit): the engine counts ten
     * failures for the admin, and still the delay runs out; Camunda's default would lock the admin for good here.
     */
    @Test
    void tenStrangersDoNotLockTheAdminForGood() throws IOException {
        for (int i = 0; i < 10; i++) {
            advanceSeconds(61);
            assertThat(new Client("127.0.1." + (i + 1)).get(PROBE, ADMIN, "guess-" + i).status()).isEqualTo(401);
        }
        assertThat(as(ADMIN).get(PROBE).status()).as("within the last delay").isEqualTo(401);
        advanceSeconds(61);
        assertThat(as(ADMIN).get(PROBE).status()).isEqualTo(200);
    }

    /** A wrong password delays the user's next login (the lock is real), and the delay runs out by itself. */
    @Test
    void theLoginDelayExpires() throws IOException {
        Client stranger = new Client("127.0.0.3");
        String victim = "batshireet.land";
        for (int i = 0; i < 3; i++) {
            advanceSeconds(61);
            assertThat(stranger.get(PROBE, victim, "guess-" + i).status()).isEqualTo(401);
        }
        // the third failure delays the next login by 3 * 2^2 = 12 s: the right password is refused meanwhile
        assertThat(as(victim).get(PROBE).status()).isEqualTo(401);
        advanceSeconds(11);
        assertThat(as(victim).get(PROBE).status()).isEqualTo(401);
        advanceSeconds(2);
        assertThat(as(victim).get(PROBE).status()).isEqualTo(200);
    }

    /** The documented way out: the admin unlocks the user, who logs in at once. */
    @Test
    void theAdminUnlocksAUser() throws IOException {
        Client stranger = new Client("127.0.0.4");
        String victim = "delgerkhaan.land";
        for (int i = 0; i < 4; i++) {
            advanceSeconds(61);
            assertThat(stranger.get(PROBE, victim, "guess-" + i).status()).isEqualTo(401);
        }
        assertThat(as(victim).get(PROBE).status()).isEqualTo(401);
        assertThat(as("sumber.health").postJson("/engine-rest/user/{id}/unlock", Map.of(), victim).status())
                .as("only an admin may unlock").isEqualTo(403);

        assertThat(as(ADMIN).postJson("/engine-rest/user/{id}/unlock", Map.of(), victim).status()).isEqualTo(204);
        assertThat(as(victim).get(PROBE).status()).isEqualTo(200);
    }

    /**
     * The webapps' login form counts too, with the REST API's failures of the same client: over the limit the
     * client gets 429 on both, even with a right password, while other clients log in as usual.
     */
    @Test
    void theWebappLoginIsThrottledPerClient() throws IOException {
        Client stranger = new Client("127.0.0.5");
        for (int i = 0; i < 5; i++) {
            assertThat(stranger.login("nobody-" + i, "guess").status()).isEqualTo(401);
        }
        Answer refused = stranger.login("nobody", "guess");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 180L);
        assertThat(refused.body()).contains("секундын дараа");
        assertThat(stranger.get(PROBE, ADMIN, DEMO_PASSWORD).status()).isEqualTo(429);

        assertThat(new Client("127.0.0.6").login("sumber.health", DEMO_PASSWORD).status()).isEqualTo(200);
        assertThat(as("sumber.health").get(PROBE).status()).isEqualTo(200);

        // one failure's worth comes back after window / per-client = 3 minutes
        advanceSeconds(Long.parseLong(refused.header("Retry-After")));
        assertThat(stranger.login("nobody", "guess").status()).isEqualTo(401);
        assertThat(stranger.login("nobody", "guess").status()).isEqualTo(429);
    }

    private void advanceSeconds(long seconds) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + seconds * 1000));
    }

    private record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** HTTP/1.1 over a socket bound to a local address of its own: another client, as the server sees it. */
    private final class Client {

        private final InetAddress address;

        Client(String address) throws IOException {
            this.address = InetAddress.getByName(address);
        }

        Answer get(String path, String user, String password) throws IOException {
            String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            return send("GET " + path + " HTTP/1.1\r\nAuthorization: Basic " + basic + "\r\n", "");
        }

        /** What the login page does: fetch the page (session and CSRF cookie), then post the form. */
        Answer login(String user, String password) throws IOException {
            Answer page = send("GET /camunda/app/welcome/default/ HTTP/1.1\r\n", "");
            StringBuilder cookies = new StringBuilder();
            String token = null;
            for (String c : page.headers().getOrDefault("set-cookie", "").split("\n")) {
                Matcher m = Pattern.compile("^([^=;]+)=([^;]*)").matcher(c.trim());
                if (m.find()) {
                    cookies.append(cookies.isEmpty() ? "" : "; ").append(m.group(1)).append('=').append(m.group(2));
                    token = m.group(1).equals("XSRF-TOKEN") ? m.group(2) : token;
                }
            }
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            return send("POST /camunda/api/admin/auth/user/default/login/welcome HTTP/1.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + (token == null ? "" : "X-XSRF-TOKEN: " + token + "\r\n")
                    + (cookies.isEmpty() ? "" : "Cookie: " + cookies + "\r\n"), form);
        }

        private Answer send(String head, String body) throws IOException {
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            try (Socket s = new Socket()) {
                s.bind(new InetSocketAddress(address, 0));
                s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                s.setSoTimeout(30_000);
                OutputStream out = s.getOutputStream();
                out.write((head + "Host: localhost:" + port + "\r\nAccept: application/json\r\nConnection: close\r\n"
                        + "Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(content);
                out.flush();
                return parse(s.getInputStream());
            }
        }

        private Answer parse(InputStream in) throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String raw = all.toString(StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            String[] lines = raw.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim(),
                        (a, b) -> a + "\n" + b);
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, raw.substring(end + 4));
        }
    }
}
