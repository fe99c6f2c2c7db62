package dev.gyre.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests to the service under test, started on a random port, over real HTTP: the JDK client, so that bodies are
 * exactly the bytes meant. In a {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} base:
 * <pre>{@code
 * protected HttpTestClient http;
 *
 * @LocalServerPort
 * void connect(int port) {
 *     http = new HttpTestClient(port);
 * }
 * }</pre>
 */
public final class HttpTestClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String baseUrl;
    private final Map<String, String> headers;

    public HttpTestClient(int port) {
        this("http://localhost:" + port, Map.of());
    }

    private HttpTestClient(String baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.headers = headers;
    }

    /** {@code http://localhost:<port>}, for clients of the service other than this one. */
    public String baseUrl() {
        return baseUrl;
    }

    /** This client sending {@code name: value} with every request too; this client itself when value is null. */
    public HttpTestClient withHeader(String name, String value) {
        if (value == null) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpTestClient(baseUrl, Map.copyOf(more));
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** A POST without a body (and without a Content-Type). */
    public Response post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A POST of {@code json} as {@code application/json}. */
    public Response post(String path, String json) {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A POST of these exact bytes. */
    public Response post(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A PUT of {@code json} as {@code application/json}. */
    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path.replace(" ", "%20")))
                .timeout(TIMEOUT);
        headers.forEach(request::header);
        return request;
    }

    private static Response send(HttpRequest.Builder request) {
        long start = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        byte[] bytes = response.body();
        boolean json = bytes.length > 0 && response.headers().firstValue("Content-Type")
                .map(type -> type.toLowerCase(Locale.ROOT).contains("json")).orElse(false);
        return new Response(response.statusCode(), response.headers(), bytes, json ? JSON.readTree(bytes) : null,
                millis);
    }

    /**
     * A response read whole: status, headers, the exact bytes, the body parsed when it is JSON (null when it is
     * not, or empty) and how long the call took.
     */
    public record Response(int status, HttpHeaders headers, byte[] bytes, JsonNode body, long millis) {

        /** The body as UTF-8 text, for descriptions of failed assertions and for text bodies. */
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** The problem's Gyre {@code code}; null when there is none. */
        public String code() {
            return property("code");
        }

        /** The problem's {@code field}; null when there is none. */
        public String field() {
            return property("field");
        }

        private String property(String name) {
            return body == null || body.get(name) == null ? null : body.get(name).asString();
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }
}
