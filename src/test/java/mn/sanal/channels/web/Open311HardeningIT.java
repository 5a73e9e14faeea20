package mn.sanal.channels.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import mn.sanal.outbox.NewOutboxMessage;
import mn.sanal.outbox.OutboxService;
import mn.sanal.petitions.PetitionHandlingProcess.Values;
import mn.sanal.petitions.PetitionHandlingProcess.Vars;
import mn.sanal.support.Citizen;
import mn.sanal.support.Http;
import mn.sanal.support.IntegrationTest;

/**
 * The Open311 channel under attack (issue 7): hostile input that used to end in HTTP 500 or in a stored petition,
 * idempotency keys reused to read other people's cases, floods of petitions and of acknowledgement SMS, and the
 * security headers. Every request here comes from an unauthenticated client, as an attacker's would. Each test
 * speaks from loopback addresses of its own, so the per-client creation limit of one test does not touch another.
 */
@TestPropertySource(properties = {
        "sanal.open311.creations-per-minute=" + Open311HardeningIT.CREATIONS_PER_MINUTE,
        "sanal.outbox.acknowledgement-limit.per-recipient=" + Open311HardeningIT.ACKS_PER_RECIPIENT})
class Open311HardeningIT extends IntegrationTest {

    static final int CREATIONS_PER_MINUTE = 4;
    static final int ACKS_PER_RECIPIENT = 2;
    private static final String REQUESTS = "/open311/v2/requests.json";
    private static final String OFFICIAL = "sumber.health";
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutboxService outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MeterRegistry meters;

    /** A client on a loopback address no other test uses. */
    private RawHttp newClient() {
        return new RawHttp(port, "127.0.1." + NEXT_ADDRESS.getAndIncrement());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 7. Hostile input: 400 in the Open311 error format, nothing stored.

    /** One hostile request; {@code phone} is the case's own number (8 digits) so that what it left can be counted. */
    record Hostile(String name, String path, Map<String, String> form, Map<String, String> headers,
                   String contentType, String mentions, String phone) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final AtomicInteger CASE = new AtomicInteger();

    private static Hostile filing(String name, String mentions, Consumer<Map<String, String>> change) {
        return filing(name, mentions, Map.of(), change);
    }

    private static Hostile filing(String name, String mentions, Map<String, String> headers,
                                  Consumer<Map<String, String>> change) {
        String phone = String.format("8800%04d", CASE.incrementAndGet());
        Map<String, String> form = Citizen.healthComplaint("Хүчирхийллийн туршилт " + name);
        form.put("phone", phone);
        change.accept(form);
        return new Hostile(name, REQUESTS, form, headers, "application/x-www-form-urlencoded", mentions, phone);
    }

    private static Consumer<Map<String, String>> set(String field, String value) {
        return f -> f.put(field, value);
    }

    private static Consumer<Map<String, String>> coordinates(String lat, String lon) {
        return f -> {
            f.remove("address_string");
            f.put("lat", lat);
            f.put("long", lon);
        };
    }

    private static Consumer<Map<String, String>> emailOnly(String email) {
        return f -> {
            f.remove("phone");
            f.put("email", email);
        };
    }

    static Stream<Hostile> hostileInputs() {
        String zeroWidth = "\u200B\u200C\u200D\u2060\uFEFF";
        String blank = "\u00A0\u3000\u2007 \t\r\n\u3164";
        return Stream.of(
                filing("address over 400 characters", "address_string",
                        set("address_string", "Говьсүмбэр, Сүмбэр, " + "х".repeat(400))),
                filing("first name over 200 characters", "first_name", set("first_name", "Б".repeat(201))),
                filing("first and last name together over 200", "first_name", f -> {
                    f.put("first_name", "Б".repeat(120));
                    f.put("last_name", "Д".repeat(120));
                }),
                filing("Idempotency-Key over 255 characters", "Idempotency-Key",
                        Map.of("Idempotency-Key", "k".repeat(256)), f -> { }),
                filing("Idempotency-Key outside printable ASCII", "Idempotency-Key",
                        Map.of("Idempotency-Key", "t\u00e9st"), f -> { }),
                new Hostile("multipart without a boundary", REQUESTS, Map.of("service_code", "HEALTH"), Map.of(),
                        "multipart/form-data", null, "88009999"),
                filing("NUL in description", "description", set("description", "Гомдол\u0000 байна")),
                filing("NUL in address", "address_string", set("address_string", "Сүмбэр\u0000")),
                filing("NUL in first name", "first_name", set("first_name", "Бат\u0000")),
                filing("NUL in last name", "last_name", set("last_name", "\u0000")),
                filing("NUL in e-mail", "email", emailOnly("bat\u0000@example.mn")),
                filing("NUL in service code", "service_code", set("service_code", "HEALTH\u0000")),
                filing("NUL in petition type", "petition_type",
                        set(Open311Controller.TYPE_ATTRIBUTE, "COMPLAINT\u0000")),
                filing("NUL in a field we do not know", "comment", set("comment", "\u0000")),
                filing("latitude NaN", "lat", coordinates("NaN", "106.9")),
                filing("latitude 91", "lat", coordinates("91", "106.9")),
                filing("latitude -91", "lat", coordinates("-91", "106.9")),
                filing("latitude Infinity", "lat", coordinates("Infinity", "106.9")),
                filing("longitude 181", "long", coordinates("46.3", "181")),
                filing("longitude -181", "long", coordinates("46.3", "-181")),
                filing("latitude not a number", "lat", coordinates("abc", "106.9")),
                filing("description of zero-width characters only", "description", set("description", zeroWidth)),
                filing("description of whitespace only", "description", set("description", blank)),
                filing("first name of zero-width characters only", "first_name", set("first_name", zeroWidth)),
                filing("address of invisible characters only", "address_string", set("address_string", zeroWidth)),
                filing("e-mail with a comma (two recipients)", "email", emailOnly("bat,dorj@example.mn")),
                filing("e-mail with an empty domain label", "email", emailOnly("bat@example..mn")),
                filing("e-mail without a top-level domain", "email", emailOnly("bat@localhost")),
                filing("e-mail to an IP literal", "email", emailOnly("bat@[127.0.0.1]")),
                filing("e-mail in angle brackets", "email", emailOnly("<bat@example.mn>")),
                filing("e-mail with an underscore in the domain", "email", emailOnly("bat@exa_mple.mn")),
                filing("e-mail with a one-letter top-level domain", "email", emailOnly("bat@example.m")),
                new Hostile("reply text with NUL", "/open311/v2/requests/ZZZZ-0000/replies.json",
                        Map.of("text", "Нэмэлт\u0000"), Map.of(), "application/x-www-form-urlencoded", "text",
                        "88009998"),
                new Hostile("reply text of zero-width characters only",
                        "/open311/v2/requests/ZZZZ-0000/replies.json", Map.of("text", zeroWidth), Map.of(),
                        "application/x-www-form-urlencoded", "text", "88009997"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInputs")
    void hostileInputIsRefusedWithAnOpen311ErrorAndStoresNothing(Hostile hostile) {
        byte[] body = RawHttp.urlEncoded(hostile.form()).getBytes(StandardCharsets.US_ASCII);
        Http.Response r = newClient().send("POST", hostile.path(), hostile.headers(), hostile.contentType(), body);

        String description = assertOpen311Error(r, 400);
        if (hostile.mentions() != null) {
            assertThat(description).contains(hostile.mentions());
        }
        assertThat(jdbc.sql("SELECT count(*) FROM petition WHERE contact_phone = ? OR text LIKE ?")
                .params("976" + hostile.phone(), "%" + hostile.name() + "%").query(Long.class).single())
                .as("petitions left by %s", hostile).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE recipient = ?").param("976" + hostile.phone())
                .query(Long.class).single()).as("outbox rows left by %s", hostile).isZero();
    }

    @Test
    void aWellFormedPetitionIsStillAccepted() {
        Map<String, String> form = Citizen.healthComplaint("Сүмбэрт эмч хүрэлцэхгүй байна.");
        form.put("first_name", "Бат");
        form.put("last_name", "Дорж");
        form.put("email", "Bat.Dorj+sanal@Example.MN");
        Http.Response r = newClient().postForm(REQUESTS, form);
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        String code = r.json().get(0).get("service_request_id").asText();
        assertThat(jdbc.sql("SELECT contact_email FROM petition WHERE tracking_code = ?").param(code)
                .query(String.class).single()).isEqualTo("Bat.Dorj+sanal@example.mn");
    }

    /** A request outside what the channel serves: answered in the Open311 error format, never as HTTP 5xx. */
    record Unserved(String name, String method, String path, Map<String, String> headers, String contentType,
                    String body, int status, boolean xml) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Unserved> unservedRequests() {
        String form = "application/x-www-form-urlencoded";
        return Stream.of(
                new Unserved("unknown path under /open311/v2", "GET", "/open311/v2/nothing.json", Map.of(), null, null,
                        404, false),
                new Unserved("unknown path under /open311", "GET", "/open311/v3/services.json", Map.of(), null, null,
                        404, false),
                new Unserved("POST to an unknown path", "POST", "/open311/v2/nothing.json", Map.of(), form, "a=b",
                        404, false),
                new Unserved("DELETE on requests", "DELETE", REQUESTS, Map.of(), null, null, 405, false),
                new Unserved("PUT on services", "PUT", "/open311/v2/services.json", Map.of(), form, "a=b", 405,
                        false),
                new Unserved("JSON body to requests", "POST", REQUESTS, Map.of(), "application/json", "{}", 415,
                        false),
                new Unserved("multipart rating", "POST", "/open311/v2/requests/ZZZZ-0000/rating.json", Map.of(),
                        "multipart/form-data; boundary=x",
                        "--x\r\nContent-Disposition: form-data; name=\"rating\"\r\n\r\n5\r\n--x--\r\n", 415, false),
                new Unserved("XML wanted from a JSON resource", "GET", "/open311/v2/services.json",
                        Map.of("Accept", "application/xml"), null, null, 406, false),
                new Unserved("lookup without service_request_id", "GET", REQUESTS, Map.of(), null, null, 400, false),
                new Unserved("rating not a number", "POST", "/open311/v2/requests/ZZZZ-0000/rating.json", Map.of(),
                        form, "rating=five", 400, false),
                new Unserved("encoded NUL in the path", "GET", "/open311/v2/requests/%00.json", Map.of(), null, null,
                        400, false),
                new Unserved("encoded slashes in the path", "GET", "/open311/v2/requests/..%2f..%2fservices.json",
                        Map.of(), null, null, 400, false),
                new Unserved("services in XML", "GET", "/open311/v2/services.xml", Map.of(), null, null, 404, true),
                new Unserved("service definition in XML", "GET", "/open311/v2/services/HEALTH.xml", Map.of(), null,
                        null, 404, true),
                new Unserved("petition filed in XML", "POST", "/open311/v2/requests.xml", Map.of(), form,
                        "service_code=HEALTH", 404, true),
                new Unserved("lookup in XML", "GET", "/open311/v2/requests/ZZZZ-0000.xml", Map.of(), null, null,
                        404, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unservedRequests")
    void everyClientErrorComesInTheOpen311Format(Unserved u) throws Exception {
        Http.Response r = newClient().send(u.method(), u.path(), u.headers(), u.contentType(),
                u.body() == null ? null : u.body().getBytes(StandardCharsets.US_ASCII));
        if (u.xml()) {
            assertThat(r.status()).as("%s", r).isEqualTo(u.status());
            assertThat(r.headers().getContentType().toString()).startsWith("application/xml");
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
            assertThat(doc.getDocumentElement().getTagName()).isEqualTo("errors");
            assertThat(doc.getElementsByTagName("error").getLength()).isEqualTo(1);
            assertThat(doc.getElementsByTagName("code").item(0).getTextContent()).isEqualTo(
                    Integer.toString(u.status()));
            assertThat(doc.getElementsByTagName("description").item(0).getTextContent()).contains(".json");
        } else {
            assertOpen311Error(r, u.status());
        }
        if (u.status() == 405) {
            assertThat(r.headers().getAllow()).isNotEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 5. Idempotency keys: scoped to the endpoint, the petition and the request's content.

    @Test
    void anotherClientsKeyWithOtherContentIsRefusedAndRevealsNothing() {
        RawHttp victim = newClient();
        RawHttp guesser = newClient();
        String key = "order-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> victimsForm = Citizen.healthComplaint("Миний хувийн гомдол " + key);
        victimsForm.put("phone", "88110001");
        Http.Response filed = victim.postForm(REQUESTS, victimsForm, Map.of("Idempotency-Key", key));
        assertThat(filed.status()).as("%s", filed).isEqualTo(201);
        String victimsCode = filed.json().get(0).get("service_request_id").asText();

        Map<String, String> guessersForm = Citizen.healthComplaint("Өөр хүний түлхүүрээр " + key);
        guessersForm.put("phone", "88110002");
        Http.Response guessed = guesser.postForm(REQUESTS, guessersForm, Map.of("Idempotency-Key", key));

        assertThat(assertOpen311Error(guessed, 422)).contains("Idempotency-Key");
        assertThat(guessed.body()).doesNotContain(victimsCode);
        assertThat(jdbc.sql("SELECT count(*) FROM petition WHERE contact_phone = '97688110002'").query(Long.class)
                .single()).isZero();

        // the victim's own retry, same content in another field order, is the same petition
        List<String> fields = new ArrayList<>(victimsForm.keySet());
        Collections.reverse(fields);
        Map<String, String> reordered = new LinkedHashMap<>();
        fields.forEach(k -> reordered.put(k, victimsForm.get(k)));
        Http.Response retried = victim.postForm(REQUESTS, reordered, Map.of("Idempotency-Key", key));
        assertThat(retried.status()).as("%s", retried).isEqualTo(200);
        assertThat(retried.json().get(0).get("service_request_id").asText()).isEqualTo(victimsCode);
        assertThat(jdbc.sql("SELECT count(*) FROM petition WHERE contact_phone = '97688110001'").query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void keysAreScopedToEndpointAndPetition() {
        RawHttp citizen = newClient();
        RawHttp attacker = newClient();
        String creationKey = "c-" + UUID.randomUUID();
        String ratingKey = "r-" + UUID.randomUUID();

        Map<String, String> form = Citizen.healthComplaint("Үнэлгээ өгөх гэж буй гомдол");
        form.put("phone", "88120001");
        Http.Response filed = citizen.postForm(REQUESTS, form, Map.of("Idempotency-Key", creationKey));
        assertThat(filed.status()).as("%s", filed).isEqualTo(201);
        String code = filed.json().get(0).get("service_request_id").asText();
        answerAsOfficial(code);

        Http.Response rated = citizen.postForm(ratingPath(code), Map.of("rating", "5"),
                Map.of("Idempotency-Key", ratingKey));
        assertThat(rated.status()).as("%s", rated).isEqualTo(200);
        assertThat(rated.json().get(0).get("service_request_id").asText()).isEqualTo(code);
        // the same rating sent again is the same answer
        Http.Response again = citizen.postForm(ratingPath(code), Map.of("rating", "5"),
                Map.of("Idempotency-Key", ratingKey));
        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertThat(again.json().get(0).get("service_request_id").asText()).isEqualTo(code);
        // the same key with another rating is refused, not reported as recorded
        assertThat(assertOpen311Error(citizen.postForm(ratingPath(code), Map.of("rating", "1"),
                Map.of("Idempotency-Key", ratingKey)), 422)).contains("Idempotency-Key");

        Map<String, String> own = Citizen.healthComplaint("Халдагчийн өөрийн өргөдөл");
        own.put("phone", "88120002");
        Http.Response ownFiled = attacker.postForm(REQUESTS, own);
        assertThat(ownFiled.status()).as("%s", ownFiled).isEqualTo(201);
        String ownCode = ownFiled.json().get(0).get("service_request_id").asText();

        // the citizen's keys on another petition: that petition's own answer, nothing of the citizen's (a rating it
        // does not await is refused; a reply to an open case is added to that case, issue 8)
        List<Http.Response> ratings = List.of(
                attacker.postForm(ratingPath(ownCode), Map.of("rating", "5"), Map.of("Idempotency-Key", ratingKey)),
                attacker.postForm(ratingPath(ownCode), Map.of("rating", "5"), Map.of("Idempotency-Key", creationKey)));
        for (Http.Response r : ratings) {
            assertOpen311Error(r, 409);
            assertThat(r.body()).doesNotContain(code);
        }
        List<Http.Response> replies = List.of(
                attacker.postForm(repliesPath(ownCode), Map.of("text", "Нэмэлт мэдээлэл"),
                        Map.of("Idempotency-Key", ratingKey)),
                attacker.postForm(repliesPath(ownCode), Map.of("text", "Нэмэлт"),
                        Map.of("Idempotency-Key", creationKey)));
        for (Http.Response r : replies) {
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            assertThat(r.json().get(0).get("service_request_id").asText()).isEqualTo(ownCode);
            assertThat(r.body()).doesNotContain(code);
        }
        // a creation key reused on a rating of the same petition is no rating of it either
        assertThat(citizen.postForm(ratingPath(code), Map.of("rating", "2"), Map.of("Idempotency-Key", creationKey))
                .status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT rating FROM petition WHERE tracking_code = ?").param(code).query(Integer.class)
                .single()).isEqualTo(5);
    }

    private static String ratingPath(String code) {
        return "/open311/v2/requests/" + code + "/rating.json";
    }

    private static String repliesPath(String code) {
        return "/open311/v2/requests/" + code + "/replies.json";
    }

    /** The official answers the petition (as Tasklist does, through the engine's REST API): it awaits a rating. */
    private void answerAsOfficial(String code) {
        Http official = as(OFFICIAL);
        String[] taskId = new String[1];
        eventually().untilAsserted(() -> {
            JsonNode tasks = official.get("/engine-rest/task?processInstanceBusinessKey={code}", code).json();
            assertThat(tasks).hasSize(1);
            taskId[0] = tasks.get(0).get("id").asText();
        });
        assertThat(official.postJson("/engine-rest/task/{id}/claim", Map.of("userId", OFFICIAL), taskId[0]).status())
                .isEqualTo(204);
        Http.Response completed = official.postJson("/engine-rest/task/{id}/complete", Map.of("variables", Map.of(
                Vars.RESOLVE_ACTION, Map.of("value", Values.ACTION_ANSWER, "type", "String"),
                Vars.ANSWER_TEXT, Map.of("value", "Эмч нэмж томиллоо.", "type", "String"),
                Vars.OUTCOME, Map.of("value", "RESOLVED", "type", "String"))), taskId[0]);
        assertThat(completed.status()).as("%s", completed).isIn(200, 204);
        eventually().untilAsserted(() -> assertThat(jdbc.sql("SELECT status FROM petition WHERE tracking_code = ?")
                .param(code).query(String.class).single()).isEqualTo("ANSWERED"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 6. Floods: petitions per client, acknowledgements per recipient.

    @Test
    void aClientFilingFasterThanTheLimitGets429() {
        RawHttp flooder = newClient();
        for (int i = 0; i < CREATIONS_PER_MINUTE; i++) {
            Map<String, String> form = Citizen.healthComplaint("Үерийн өргөдөл " + i);
            form.put("phone", "88130001");
            Http.Response r = flooder.postForm(REQUESTS, form);
            assertThat(r.status()).as("%s", r).isEqualTo(201);
        }
        Map<String, String> form = Citizen.healthComplaint("Хэт олон");
        form.put("phone", "88130001");
        Http.Response limited = flooder.postForm(REQUESTS, form);

        assertThat(assertOpen311Error(limited, 429)).isNotBlank();
        assertThat(limited.headers().getFirst("Retry-After")).isNotBlank();
        assertThat(jdbc.sql("SELECT count(*) FROM petition WHERE contact_phone = '97688130001'").query(Long.class)
                .single()).isEqualTo(CREATIONS_PER_MINUTE);
        // the limit is the flooding client's, not everybody's
        Map<String, String> other = Citizen.healthComplaint("Өөр хэрэглэгч");
        other.put("phone", "88130002");
        assertThat(newClient().postForm(REQUESTS, other).status()).isEqualTo(201);
    }

    @Test
    void aFloodOfPetitionsToOneNumberSendsOnlyTheLimitOfAcknowledgements() {
        String number = "97688140001";
        int flood = CREATIONS_PER_MINUTE;
        RawHttp flooder = newClient();
        for (int i = 0; i < flood; i++) {
            Map<String, String> form = Citizen.healthComplaint("Хохирогчийн дугаарт " + i);
            form.put("phone", "88140001");
            assertThat(flooder.postForm(REQUESTS, form).status()).isEqualTo(201);
        }
        eventually().untilAsserted(() -> assertThat(acknowledgementStatuses(number))
                .hasSize(flood).doesNotContain("PENDING", "SENDING"));
        assertThat(acknowledgementStatuses(number)).filteredOn("SENT"::equals).hasSize(ACKS_PER_RECIPIENT);
        assertThat(acknowledgementStatuses(number)).filteredOn("SUPPRESSED"::equals)
                .hasSize(flood - ACKS_PER_RECIPIENT);
        // every suppressed row is counted (other tests' floods included, hence all rows and the whole count)
        eventually().untilAsserted(() -> assertThat(suppressedCount()).isEqualTo(jdbc.sql(
                "SELECT count(*) FROM outbox WHERE status = 'SUPPRESSED'").query(Long.class).single().doubleValue()));

        // an answer to the citizen's own case still goes out
        long petitionId = jdbc.sql("SELECT max(id) FROM petition WHERE contact_phone = ?").param(number)
                .query(Long.class).single();
        tx.executeWithoutResult(s -> outbox.enqueue(new NewOutboxMessage("petition:" + petitionId + ":ANSWERED:1",
                petitionId, "ANSWERED", "SMS", number, null, "Таны өргөдөлд хариу өглөө.")));
        eventually().untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT status FROM outbox WHERE petition_id = ? AND kind = 'ANSWERED'").param(petitionId)
                .query(String.class).single()).isEqualTo("SENT"));
    }

    private List<String> acknowledgementStatuses(String recipient) {
        return jdbc.sql("SELECT status FROM outbox WHERE recipient = ? AND kind = 'ACKNOWLEDGED' ORDER BY id")
                .param(recipient).query(String.class).list();
    }

    private double suppressedCount() {
        return meters.find("sanal.outbox.suppressed").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 10. Security headers.

    @Test
    void responsesCarrySecurityHeadersAndPetitionDataIsNotCached() {
        RawHttp client = newClient();
        Map<String, String> form = Citizen.healthComplaint("Толгойн мэдээлэл шалгах");
        form.put("phone", "88150001");
        Http.Response created = client.postForm(REQUESTS, form);
        assertThat(created.status()).isEqualTo(201);
        String code = created.json().get(0).get("service_request_id").asText();

        List<Http.Response> all = List.of(created, client.get("/open311/v2/services.json"),
                client.get("/open311/v2/requests/" + code + ".json"),
                client.get("/open311/v2/requests.json?service_request_id=" + code),
                client.get("/open311/v2/requests/ZZZZ-0000.json"), client.get("/open311/v2/nothing.json"));
        for (Http.Response r : all) {
            assertThat(r.headers().getFirst("X-Content-Type-Options")).as("%s", r).isEqualTo("nosniff");
            assertThat(r.headers().getFirst("Content-Security-Policy")).as("%s", r)
                    .isEqualTo("default-src 'none'; frame-ancestors 'none'");
            assertThat(r.headers().getFirst("Referrer-Policy")).as("%s", r).isEqualTo("no-referrer");
        }
        for (Http.Response r : List.of(created, all.get(2), all.get(3))) {
            assertThat(r.headers().getFirst("Cache-Control")).as("%s", r).isEqualTo("no-store");
        }
    }

    /** Asserts the Open311 error shape {@code [{"code": status, "description": "..."}]}; returns the description. */
    static String assertOpen311Error(Http.Response r, int status) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        assertThat(r.headers().getContentType()).as("%s", r).isNotNull();
        assertThat(r.headers().getContentType().toString()).startsWith("application/json");
        JsonNode body = r.json();
        assertThat(body.isArray()).as("%s", r).isTrue();
        assertThat(body).hasSize(1);
        assertThat(body.get(0).get("code").asInt()).isEqualTo(status);
        String description = body.get(0).get("description").asText();
        assertThat(description).isNotBlank();
        return description;
    }
}
