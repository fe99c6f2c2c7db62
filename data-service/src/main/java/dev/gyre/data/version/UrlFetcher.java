package dev.gyre.data.version;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.Map;

import dev.gyre.api.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;

/** Downloads a CSV file over http(s) with timeouts and a size cap; every failure is a problem naming source.url. */
@Component
class UrlFetcher {
    private static final String FIELD = "source.url";

    private final HttpClient client;
    private final IngestProperties properties;

    UrlFetcher(IngestProperties properties) {
        this.properties = properties;
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Checks that {@code url} is an absolute http(s) URL with a host. */
    static URI parse(String url) {
        URI uri;
        try {
            uri = url == null ? null : new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw Problems.badRequest("invalid-url", "source.url must be an absolute http(s) URL, got '" + url + "'",
                    Map.of("field", FIELD));
        }
        return uri;
    }

    byte[] fetch(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.readTimeout())
                .header("Accept", "text/csv, text/plain;q=0.9, */*;q=0.5")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw Problems.of(HttpStatus.BAD_GATEWAY, "source-failed",
                            "GET " + uri + " answered HTTP " + response.statusCode(),
                            Map.of("field", FIELD, "upstreamStatus", response.statusCode()));
                }
                long max = properties.maxSize().toBytes();
                byte[] content = body.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
                if (content.length > max) {
                    throw Problems.of(HttpStatusCode.valueOf(413), "source-too-large",
                            "GET " + uri + " returned more than " + max + " bytes", Map.of("field", FIELD));
                }
                return content;
            }
        } catch (HttpTimeoutException e) {
            throw Problems.of(HttpStatus.GATEWAY_TIMEOUT, "source-timeout",
                    "GET " + uri + " did not answer within " + properties.readTimeout(), Map.of("field", FIELD));
        } catch (IOException e) {
            throw Problems.of(HttpStatus.BAD_GATEWAY, "source-unreachable",
                    "GET " + uri + " failed: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()), Map.of("field", FIELD));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Problems.unavailable("interrupted", "The download of " + uri + " was interrupted");
        }
    }
}
