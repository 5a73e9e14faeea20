package mn.sanal.citizens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import mn.sanal.support.Http;
import mn.sanal.support.IntegrationTest;

/**
 * The soum office imports its lists over REST (HTTP Basic, and the browser page's way: webapp session + XSRF token);
 * bad rows are refused with reasons; the same file again changes nothing; a person who moved is moved, not doubled;
 * imports are recorded; officials read only their own soum's register; nothing personal reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class RegisterImportIT extends IntegrationTest {

    private static final String SUMBER = "govisumber.sumber";
    private static final String JARGALANT = "khovd.jargalant";

    @Autowired
    JdbcClient jdbc;

    private static final String SUMBER_LIST = """
            регистр,овог,нэр,баг,утас
            УБ90011512,Дорж,Батболд,1,99112233
            УБ90011513,Дорж,Сарнай,3-р баг,"88112233 95112233"
            ЧК03241501,Ганбаатар,Тэмүүлэн,govisumber.sumber.6,
            УБ9001151,Бат,Богино,1,99000001
            УБ90131512,Бат,Сарбуруу,1,99000002
            УБ80010101,Бат,Багбуруу,9,99000003
            УБ80010102,Бат,Утасбуруу,2,70112233
            УБ80010103,Бат,Давхар1,2,99000004
            УБ80010104,Бат,Давхар2,2,99000004
            УБ90011512,Дорж,Батболд,1,99112233
            УБ80010105,Бат,Өөрийнх,2,86000001
            ,,,,
            УБ80010106,,Нэргүй,2,
            """;

    @Test
    void aSoumOfficeImportsItsListsAndOfficialsReadOnlyTheirOwnSoum(CapturedOutput output) throws Exception {
        // Jargalant's office first registers a person and a phone the Sumber list will also name
        Http.Response j = importCsv(as("jargalant.office"), JARGALANT, "регистр,овог,нэр,баг,утас\n"
                + "ДА85050505,Очир,Жаргал,2,86000001\nДА85050506,Очир,Нүүдэл,5,80112233\n");
        assertThat(j.status()).as(j.body()).isEqualTo(200);
        assertThat(j.json().get("added").asInt()).isEqualTo(2);

        String list = SUMBER_LIST + "ДА85050506,Очир,Нүүдэл,4,80112233\n";
        Http.Response first = importCsv(as("sumber.office"), SUMBER, list);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode r = first.json();
        assertThat(r.get("rows").asInt()).isEqualTo(13);
        assertThat(r.get("added").asInt()).isEqualTo(3);
        assertThat(r.get("moved").asInt()).as("the person from Jargalant").isEqualTo(1);
        assertThat(r.get("phonesAdded").asInt()).isEqualTo(3);
        assertThat(refusals(r)).containsExactly(
                "5: Регистрийн дугаар 2 кирилл үсэг, 8 цифр байх ёстой",
                "6: Регистрийн дугаарын сар буруу байна",
                "7: Баг \"9\" энэ суманд байхгүй",
                "8: Утасны дугаар \"70112233\" Монголын гар утасны дугаар биш",
                "9: Утас 97699000004 файлд хоёр өөр хүнд бичигдсэн",
                "10: Утас 97699000004 файлд хоёр өөр хүнд бичигдсэн",
                "11: Регистрийн дугаар файлд давхардсан (2-р мөр)",
                "12: Утас 97686000001 бүртгэлд өөр хүний нэр дээр байна",
                "14: Овог, нэр хоосон байна");
        assertThat(count("SELECT COUNT(*) FROM citizen WHERE soum_code = ?", SUMBER)).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM citizen WHERE register_no = ?", "ДА85050506")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT bag_code FROM citizen WHERE register_no = 'ДА85050506'").query(String.class)
                .single()).isEqualTo("govisumber.sumber.4");
        assertThat(jdbc.sql("SELECT birth_date FROM citizen WHERE register_no = 'ЧК03241501'")
                .query(java.time.LocalDate.class).single()).isEqualTo("2003-04-15");
        assertThat(jdbc.sql("SELECT phone FROM citizen_phone p JOIN citizen c ON c.id = p.citizen_id "
                + "WHERE c.register_no = 'УБ90011513' ORDER BY phone").query(String.class).list())
                .containsExactly("97688112233", "97695112233");

        // the same file again changes nothing
        long citizensBefore = count("SELECT COUNT(*) FROM citizen");
        long phonesBefore = count("SELECT COUNT(*) FROM citizen_phone");
        JsonNode again = importCsv(as("sumber.office"), SUMBER, list).json();
        assertThat(again.get("added").asInt() + again.get("moved").asInt() + again.get("updated").asInt()
                + again.get("phonesAdded").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM citizen")).isEqualTo(citizensBefore);
        assertThat(count("SELECT COUNT(*) FROM citizen_phone")).isEqualTo(phonesBefore);

        // moved within the soum: moved, not doubled
        JsonNode move = importCsv(as("sumber.office"), SUMBER,
                "register_no;family_name;given_name;bag;phones\nУБ90011512;Дорж;Батболд;5;99112233\n").json();
        assertThat(move.get("moved").asInt()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM citizen WHERE register_no = 'УБ90011512' "
                + "AND bag_code = 'govisumber.sumber.5'")).isEqualTo(1);

        // imports are recorded, for the soum's officials to see
        Http.Response imports = as("sumber.health").get("/api/citizens/imports?soum={s}", SUMBER);
        assertThat(imports.status()).isEqualTo(200);
        assertThat(imports.json()).hasSize(3);
        assertThat(imports.json().get(2).get("importedBy").asText()).isEqualTo("sumber.office");
        assertThat(imports.json().get(2).get("refused").asInt()).isEqualTo(9);

        // only the soum's own Governor's office imports
        assertThat(importCsv(as("sumber.health"), SUMBER, list).status()).isEqualTo(403);
        assertThat(importCsv(as("jargalant.office"), SUMBER, list).status()).isEqualTo(403);
        assertThat(importCsv(as("demo"), SUMBER, list).status()).isEqualTo(403);
        assertThat(importCsv(http(), SUMBER, list).status()).isEqualTo(401);
        assertThat(importCsv(http().as("sumber.chair", "wrong"), SUMBER, list).status()).isEqualTo(401);

        // officials search their own soum, never another
        Http.Response found = as("sumber.school").get("/api/citizens?soum={s}&q={q}", SUMBER, "9911 2233");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json()).hasSize(1);
        assertThat(found.json().get(0).get("registerNo").asText()).isEqualTo("УБ90011512");
        assertThat(as("sumber.school").get("/api/citizens?soum={s}&q={q}", SUMBER, "дорж").json()).hasSize(2);
        assertThat(as("sumber.school").get("/api/citizens?soum={s}&q={q}", SUMBER, "уб9001").json()).hasSize(2);
        assertThat(as("jargalant.office").get("/api/citizens?soum={s}&q={q}", SUMBER, "дорж").status())
                .isEqualTo(403);
        assertThat(as("jargalant.office").get("/api/citizens?soum={s}", JARGALANT).json()).hasSize(1);
        assertThat(as("govisumber.supervisor").get("/api/citizens?soum={s}", JARGALANT).status()).isEqualTo(403);
        assertThat(as("demo").get("/api/citizens?soum={s}", SUMBER).status()).isEqualTo(403);
        assertThat(as("jargalant.office").get("/api/citizens/imports?soum={s}", SUMBER).status()).isEqualTo(403);
        assertThat(as("sumber.land").get("/api/citizens/bags?soum={s}", SUMBER).json().get("govisumber.sumber.5")
                .asLong()).isEqualTo(1);

        // a file that is no list
        Http.Response unreadable = importCsv(as("sumber.office"), SUMBER, "a,b,c\n1,2,3\n");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json().get("error").asText()).contains("баганын нэрс");

        // no personal data in the log: register numbers, names, phones
        for (String secret : List.of("УБ90011512", "ДА85050506", "Батболд", "Нүүдэл", "99112233", "80112233")) {
            assertThat(output.getAll()).doesNotContain(secret);
        }
        assertThat(output.getAll()).contains("Register import");
    }

    @Test
    void theBrowserPageUsesTheWebappSessionAndItsXsrfToken() throws Exception {
        Http.Response page = http().get("/citizens/import.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/api/citizens/imports").contains("X-XSRF-TOKEN");

        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        client.send(HttpRequest.newBuilder(url("/camunda/app/tasklist/")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(
                        url("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=sumber.office&password="
                        + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);

        HttpResponse<String> session = client.send(HttpRequest.newBuilder(url("/api/session"))
                .header("X-Requested-With", "fetch").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(session.statusCode()).isEqualTo(200);
        JsonNode s = new com.fasterxml.jackson.databind.ObjectMapper().readTree(session.body());
        assertThat(s.get("user").asText()).isEqualTo("sumber.office");
        assertThat(s.get("importableSoums").toString()).isEqualTo("[\"" + SUMBER + "\"]");
        String token = s.get("csrfToken").asText();

        String csv = "регистр,овог,нэр,баг,утас\nУБ70010101,Бат,Вэб,2,99887766\n";
        HttpResponse<String> forged = client.send(post("/api/citizens/imports", csv, null),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("no XSRF token").isEqualTo(403);
        assertThat(count("SELECT COUNT(*) FROM citizen WHERE register_no = 'УБ70010101'")).isZero();
        HttpResponse<String> wrong = client.send(post("/api/citizens/imports", csv, "nope"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(403);
        HttpResponse<String> ok = client.send(post("/api/citizens/imports", csv, token),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM citizen WHERE register_no = 'УБ70010101'")).isEqualTo(1);

        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/api/session"))
                .header("X-Requested-With", "fetch").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    private HttpRequest post(String path, String csv, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url(path)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("X-XSRF-TOKEN", token);
        }
        return b.build();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Http.Response importCsv(Http client, String soum, String csv) throws IOException {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "list.csv";
            }
        });
        return client.postMultipart("/api/citizens/imports?soum={s}", parts, soum);
    }

    private static List<String> refusals(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("refused").forEach(x -> out.add(x.get("line").asInt() + ": " + x.get("reason").asText()));
        return out;
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
