package mn.sanal.channels.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import mn.sanal.petitions.PetitionType;
import mn.sanal.support.Citizen;
import mn.sanal.support.Http;
import mn.sanal.support.IntegrationTest;

/**
 * The Open311 GeoReport v2 contract as a client app sees it: service discovery, errors in the Open311 error shape,
 * idempotent filing, and the per-address limit on tracking-code lookups.
 */
@TestPropertySource(properties = "sanal.open311.lookups-per-minute=" + Open311IT.LOOKUPS_PER_MINUTE)
class Open311IT extends IntegrationTest {

    /**
     * Small on purpose. Tests other than the limiter's look up from 127.0.0.1 and must stay under it in total; the
     * limiter's test uses addresses of its own.
     */
    static final int LOOKUPS_PER_MINUTE = 5;

    @Autowired
    JdbcClient jdbc;

    @Test
    void servicesListOurCategories() {
        Http.Response r = http().get("/open311/v2/services.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().getContentType().toString()).startsWith("application/json");
        List<String> codes = new ArrayList<>();
        r.json().forEach(s -> codes.add(s.get("service_code").asText()));
        assertThat(codes).containsExactly("LAND", "HEALTH", "EDUCATION", "SOCIAL_WELFARE", "INFRASTRUCTURE",
                "ENVIRONMENT", "PUBLIC_SERVICE", "LOCAL_FUND", "OTHER", "LDF_PROPOSAL");
        JsonNode health = r.json().get(1);
        assertThat(health.get("service_name").asText()).isEqualTo("Эрүүл мэнд");
        assertThat(health.get("description").asText()).isNotBlank();
        assertThat(health.get("metadata").asBoolean()).isTrue();
        assertThat(health.get("type").asText()).isEqualTo("realtime");
    }

    @Test
    void serviceDefinitionOffersThePetitionTypes() {
        Http.Response r = http().get("/open311/v2/services/{code}.json", "HEALTH");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("service_code").asText()).isEqualTo("HEALTH");
        JsonNode attribute = r.json().get("attributes").get(0);
        assertThat(attribute.get("code").asText()).isEqualTo("petition_type");
        assertThat(attribute.get("datatype").asText()).isEqualTo("singlevaluelist");
        assertThat(attribute.get("required").asBoolean()).isFalse();
        List<String> keys = new ArrayList<>();
        attribute.get("values").forEach(v -> keys.add(v.get("key").asText()));
        assertThat(keys).containsExactlyInAnyOrder(
                java.util.Arrays.stream(PetitionType.values()).map(Enum::name).toArray(String[]::new));

        assertOpen311Error(http().get("/open311/v2/services/{code}.json", "NO_SUCH_SERVICE"), 404);
    }

    @Test
    void invalidRequestsAreRefusedWithOpen311ErrorsAndFileNothing() {
        String marker = "IT-" + UUID.randomUUID();
        Citizen citizen = new Citizen(http());

        Map<String, String> noDescription = Citizen.healthComplaint(marker);
        noDescription.remove("description");
        assertThat(assertOpen311Error(citizen.file(noDescription), 400)).contains("description");

        Map<String, String> blankDescription = Citizen.healthComplaint("   ");
        assertThat(assertOpen311Error(citizen.file(blankDescription), 400)).contains("description");

        Map<String, String> noContact = Citizen.healthComplaint(marker);
        noContact.remove("phone");
        assertThat(assertOpen311Error(citizen.file(noContact), 400)).contains("phone").contains("email");

        Map<String, String> badPhone = Citizen.healthComplaint(marker);
        badPhone.put("phone", "12345");
        assertThat(assertOpen311Error(citizen.file(badPhone), 400)).contains("phone");

        Map<String, String> badEmail = Citizen.healthComplaint(marker);
        badEmail.remove("phone");
        badEmail.put("email", "not-an-address");
        assertThat(assertOpen311Error(citizen.file(badEmail), 400)).contains("email");

        Map<String, String> noLocation = Citizen.healthComplaint(marker);
        noLocation.remove("address_string");
        assertThat(assertOpen311Error(citizen.file(noLocation), 400)).contains("address_string");

        Map<String, String> badType = Citizen.healthComplaint(marker);
        badType.put("attribute[petition_type]", "BRIBE");
        assertThat(assertOpen311Error(citizen.file(badType), 400)).contains("petition_type");

        Map<String, String> noService = Citizen.healthComplaint(marker);
        noService.remove("service_code");
        assertThat(assertOpen311Error(citizen.file(noService), 400)).contains("service_code");

        Map<String, String> unknownService = Citizen.healthComplaint(marker);
        unknownService.put("service_code", "NO_SUCH_SERVICE");
        assertThat(assertOpen311Error(citizen.file(unknownService), 404)).contains("NO_SUCH_SERVICE");

        assertThat(jdbc.sql("SELECT count(*) FROM petition WHERE text = ?").param(marker).query(Long.class).single())
                .isZero();
    }

    @Test
    void unknownTrackingCodeIsNotFound() {
        assertThat(assertOpen311Error(new Citizen(http()).lookup("ZZZZ-0000"), 404)).contains("ZZZZ-0000");
    }

    @Test
    void theSameIdempotencyKeyFilesOnePetition() {
        String key = "it-" + UUID.randomUUID();
        String marker = "Давхар илгээлт " + key;
        Map<String, String> form = Citizen.healthComplaint(marker);

        Http.Response first = http().postForm("/open311/v2/requests.json", form, Map.of("Idempotency-Key", key));
        Http.Response second = http().postForm("/open311/v2/requests.json", form, Map.of("Idempotency-Key", key));

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(second.status()).as("%s", second).isEqualTo(200);
        String code = first.json().get(0).get("service_request_id").asText();
        assertThat(second.json().get(0).get("service_request_id").asText()).isEqualTo(code);
        assertThat(jdbc.sql("SELECT count(*) FROM petition WHERE text = ?").param(marker).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM inbound_message WHERE channel = 'WEB' AND external_id = ?")
                .param(key).query(Long.class).single()).isEqualTo(1);

        // a different key is a different petition
        Http.Response other = http().postForm("/open311/v2/requests.json", form,
                Map.of("Idempotency-Key", key + "-2"));
        assertThat(other.status()).isEqualTo(201);
        assertThat(other.json().get(0).get("service_request_id").asText()).isNotEqualTo(code);
    }

    @Test
    void lookupsAreLimitedPerClientAddress() throws IOException {
        String guesser = "127.0.0.3";
        for (int i = 0; i < LOOKUPS_PER_MINUTE; i++) {
            assertThat(rawLookup(guesser, "AAAA-000" + i, Map.of()).status()).isEqualTo(404);
        }
        Http.Response limited = rawLookup(guesser, "AAAA-0009", Map.of());
        assertThat(assertOpen311Error(limited, 429)).isNotBlank();
        // the limit is on the connecting address: a forwarded-for header claimed by the client does not reset it
        assertThat(rawLookup(guesser, "AAAA-0010", Map.of("X-Forwarded-For", "203.0.113.7")).status())
                .isEqualTo(429);
        // another address is not limited by the first one's guessing
        assertThat(rawLookup("127.0.0.4", "AAAA-0011", Map.of()).status()).isEqualTo(404);
    }

    /** Asserts the Open311 error shape {@code [{"code": status, "description": "..."}]}; returns the description. */
    private static String assertOpen311Error(Http.Response r, int status) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        assertThat(r.headers().getContentType().toString()).startsWith("application/json");
        JsonNode body = r.json();
        assertThat(body.isArray()).as("%s", r).isTrue();
        assertThat(body).hasSize(1);
        assertThat(body.get(0).get("code").asInt()).isEqualTo(status);
        String description = body.get(0).get("description").asText();
        assertThat(description).isNotBlank();
        return description;
    }

    /**
     * A lookup over a plain socket bound to {@code localAddress} (any 127.x.y.z is loopback on Linux): the only way
     * to be a different client address from inside one JVM.
     */
    private Http.Response rawLookup(String localAddress, String code, Map<String, String> headers)
            throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port,
                InetAddress.getByName(localAddress), 0)) {
            StringBuilder request = new StringBuilder("GET /open311/v2/requests/" + code + ".json HTTP/1.1\r\n"
                    + "Host: localhost:" + port + "\r\nAccept: application/json\r\nConnection: close\r\n");
            headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String response = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int headerEnd = response.indexOf("\r\n\r\n");
            org.springframework.http.HttpHeaders parsed = new org.springframework.http.HttpHeaders();
            for (String line : response.substring(0, headerEnd).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    parsed.add(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                }
            }
            String body = response.substring(headerEnd + 4);
            if ("chunked".equalsIgnoreCase(parsed.getFirst("Transfer-Encoding"))) {
                body = dechunk(body);
            }
            return new Http.Response(status, body, parsed);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
        int i = 0;
        while (i < bytes.length) {
            int lineEnd = i;
            while (bytes[lineEnd] != '\r') {
                lineEnd++;
            }
            int size = Integer.parseInt(new String(bytes, i, lineEnd - i, StandardCharsets.US_ASCII).strip(), 16);
            if (size == 0) {
                break;
            }
            out.append(new String(bytes, lineEnd + 2, size, StandardCharsets.UTF_8));
            i = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }
}
