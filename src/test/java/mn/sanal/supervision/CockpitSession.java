package mn.sanal.supervision;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A browser logged in to the Camunda webapps (session cookie and CSRF token), as Cockpit calls its plugins' REST
 * resources. Officials have no Cockpit access and log in through Tasklist; the session is the same.
 */
public final class CockpitSession {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final CookieManager cookies;
    private final int port;

    private CockpitSession(HttpClient client, CookieManager cookies, int port) {
        this.client = client;
        this.cookies = cookies;
        this.port = port;
    }

    /** Not logged in at all. */
    public static CockpitSession anonymous(int port) {
        CookieManager cookies = new CookieManager();
        return new CockpitSession(HttpClient.newBuilder().cookieHandler(cookies).build(), cookies, port);
    }

    public static CockpitSession login(int port, String user, String password, String app) throws Exception {
        CockpitSession s = anonymous(port);
        s.client.send(HttpRequest.newBuilder(s.uri("/camunda/app/" + app + "/default/")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> login = s.client.send(HttpRequest.newBuilder(
                        s.uri("/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", s.csrf())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new AssertionError("login of " + user + " to " + app + ": HTTP " + login.statusCode() + " "
                    + login.body());
        }
        // the login starts a new session: the webapp hands out its CSRF token again on the next read
        s.client.send(HttpRequest.newBuilder(s.uri("/camunda/api/admin/auth/user/default")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        return s;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return get(path, "application/json");
    }

    /** As a link in the page would: the browser's Accept header. */
    public HttpResponse<String> download(String path) throws Exception {
        return get(path, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    }

    public HttpResponse<String> get(String path, String accept) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept)
                .header("X-XSRF-TOKEN", csrf()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode getJson(String path) throws Exception {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    public HttpResponse<String> post(String path, Object json) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("X-XSRF-TOKEN", csrf())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(json))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A POST with a JSON body as the webapp sends it (Tasklist's filter list asks for HAL). */
    public HttpResponse<String> postRaw(String path, String json, String accept) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept", accept).header("X-XSRF-TOKEN", csrf())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrf() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((a, b) -> b).orElse("");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
