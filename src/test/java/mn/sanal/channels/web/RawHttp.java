package mn.sanal.channels.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;

import mn.sanal.support.Http;

/**
 * HTTP/1.1 over a plain socket bound to a loopback address of the test's choice (any 127.x.y.z is loopback on
 * Linux): the only way to be several client addresses from inside one JVM, and to send what a well-behaved client
 * library refuses to (a multipart type without a boundary, any header value).
 */
final class RawHttp {

    private final int port;
    private final String localAddress;

    RawHttp(int port, String localAddress) {
        this.port = port;
        this.localAddress = localAddress;
    }

    Http.Response get(String path) {
        return send("GET", path, Map.of(), null, null);
    }

    Http.Response postForm(String path, Map<String, String> form) {
        return postForm(path, form, Map.of());
    }

    Http.Response postForm(String path, Map<String, String> form, Map<String, String> headers) {
        return send("POST", path, headers, "application/x-www-form-urlencoded",
                urlEncoded(form).getBytes(StandardCharsets.US_ASCII));
    }

    static String urlEncoded(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    Http.Response send(String method, String path, Map<String, String> headers, String contentType, byte[] body) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName(localAddress),
                0)) {
            Map<String, String> all = new LinkedHashMap<>();
            all.put("Host", "localhost:" + port);
            all.put("Accept", "application/json");
            all.put("Connection", "close");
            if (contentType != null) {
                all.put("Content-Type", contentType);
            }
            if (body != null) {
                all.put("Content-Length", Integer.toString(body.length));
            }
            all.putAll(headers);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            all.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("\r\n");
            var out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(received);
            return parse(received.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Http.Response parse(byte[] response) {
        int headerEnd = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        String head = new String(response, 0, headerEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        HttpHeaders headers = new HttpHeaders();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(response, headerEnd + 4, response.length);
        if ("chunked".equalsIgnoreCase(headers.getFirst("Transfer-Encoding"))) {
            body = dechunk(body);
        }
        return new Http.Response(status, new String(body, StandardCharsets.UTF_8), headers);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < chunked.length) {
            int lineEnd = indexOf(chunked, new byte[] {'\r', '\n'}, i);
            int size = Integer.parseInt(new String(chunked, i, lineEnd - i, StandardCharsets.US_ASCII).strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        for (int i = from; i <= data.length - pattern.length; i++) {
            if (java.util.Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new IllegalStateException("no " + new String(pattern, StandardCharsets.US_ASCII).strip()
                + " in response");
    }
}
