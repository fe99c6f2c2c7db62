package dev.gyre.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small client for the gateway: JSON in, status and JSON out. */
final class Gyre {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI gateway;
    private final String key;

    Gyre(URI gateway, String key) {
        this.gateway = gateway;
        this.key = key;
    }

    Gyre withKey(String otherKey) {
        return new Gyre(gateway, otherKey);
    }

    record Reply(int status, JsonNode json, String body, HttpResponse<String> raw) {
        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply postJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Reply putJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Reply postCsv(String path, byte[] csv) {
        return send(request(path).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)));
    }

    /** A CSV file, streamed from disk. */
    Reply postCsvFile(String path, java.nio.file.Path file) {
        try {
            return send(request(path).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)));
        } catch (java.io.FileNotFoundException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(120));
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") && !body.isEmpty() ? JSON.readTree(body) : null;
            return new Reply(response.statusCode(), json, body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
