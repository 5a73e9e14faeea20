package mn.sanal.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small HTTP client over the running app, as a citizen's browser or an official's tool would call it: no status
 * throws, every answer comes back with its status and body for the test to judge.
 */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient client;
    private final String authorization;

    private Http(RestClient client, String authorization) {
        this.client = client;
        this.authorization = authorization;
    }

    public static Http to(int port) {
        return new Http(RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {
                }).build(), null);
    }

    /** The same client sending HTTP Basic credentials. */
    public Http as(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Http(client, "Basic " + token);
    }

    public Response get(String uri, Object... uriVariables) {
        return exchange(client.get().uri(uri, uriVariables), null, null, Map.of());
    }

    public Response postForm(String uri, Map<String, String> form, Object... uriVariables) {
        return postForm(uri, form, Map.of(), uriVariables);
    }

    public Response postForm(String uri, Map<String, String> form, Map<String, String> headers,
                             Object... uriVariables) {
        MultiValueMap<String, String> body = new LinkedMultiValueMap<>();
        form.forEach(body::add);
        return exchange(client.method(HttpMethod.POST).uri(uri, uriVariables), MediaType.APPLICATION_FORM_URLENCODED,
                body, headers);
    }

    public Response postJson(String uri, Object body, Object... uriVariables) {
        return exchange(client.method(HttpMethod.POST).uri(uri, uriVariables), MediaType.APPLICATION_JSON,
                body, Map.of());
    }

    public Response putJson(String uri, Object body, Object... uriVariables) {
        return exchange(client.method(HttpMethod.PUT).uri(uri, uriVariables), MediaType.APPLICATION_JSON,
                body, Map.of());
    }

    public Response postMultipart(String uri, MultiValueMap<String, Object> parts, Object... uriVariables) {
        return exchange(client.method(HttpMethod.POST).uri(uri, uriVariables), MediaType.MULTIPART_FORM_DATA,
                parts, Map.of());
    }

    public Response delete(String uri, Object... uriVariables) {
        return exchange(client.method(HttpMethod.DELETE).uri(uri, uriVariables), null, null, Map.of());
    }

    private Response exchange(RestClient.RequestBodySpec spec, MediaType contentType, Object body,
                              Map<String, String> headers) {
        spec.accept(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            spec.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        headers.forEach(spec::header);
        if (contentType != null) {
            spec.contentType(contentType);
        }
        if (body != null) {
            spec.body(body);
        }
        return spec.exchange((request, response) -> new Response(response.getStatusCode().value(),
                new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8), response.getHeaders()));
    }

    private Response exchange(RestClient.RequestHeadersSpec<?> spec, MediaType contentType, Object body,
                              Map<String, String> headers) {
        spec.accept(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            spec.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        headers.forEach(spec::header);
        return spec.exchange((request, response) -> new Response(response.getStatusCode().value(),
                new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8), response.getHeaders()));
    }

    /** An HTTP answer. */
    public record Response(int status, String body, HttpHeaders headers) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("Not JSON (HTTP " + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + body;
        }
    }
}
