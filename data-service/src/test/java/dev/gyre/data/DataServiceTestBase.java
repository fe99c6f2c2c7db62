package dev.gyre.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import dev.gyre.test.PostgresTestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every data-service test runs against one context: the service on a random port, a real PostgreSQL, and
 * requests over real HTTP (the JDK client, so that bodies are exactly the bytes we mean to send).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PostgresTestConfiguration.class)
public abstract class DataServiceTestBase {
    protected static final Path PENGUINS = Path.of(System.getProperty("basedir", "."), "../datasets/penguins.csv");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JsonMapper json;

    /** A fresh, valid dataset name, so tests sharing one database never collide. */
    protected static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    protected static byte[] penguins() {
        try {
            return Files.readAllBytes(PENGUINS);
        } catch (IOException e) {
            throw new IllegalStateException("penguins.csv not found at " + PENGUINS.toAbsolutePath(), e);
        }
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    protected HttpResponse<byte[]> post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    protected HttpResponse<byte[]> postJson(String path, String body) {
        return post(path, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    protected HttpResponse<byte[]> postCsv(String dataset, byte[] csv) {
        return post("/api/v1/datasets/" + dataset + "/versions", "text/csv", csv);
    }

    protected HttpResponse<byte[]> postMultipart(String path, String part, String filename, byte[] content) {
        String boundary = "gyre" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part
                + "\"; filename=\"" + filename + "\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /** Creates a dataset and asserts the 201; {@code schemaJson} is a JSON array or null. */
    protected String createDataset(String name, String schemaJson) {
        String body = "{\"name\":\"" + name + "\"" + (schemaJson == null ? "" : ",\"schema\":" + schemaJson) + "}";
        HttpResponse<byte[]> response = postJson("/api/v1/datasets", body);
        assertThat(response.statusCode()).as(text(response)).isEqualTo(201);
        return name;
    }

    protected JsonNode json(HttpResponse<byte[]> response) {
        return json.readTree(response.body());
    }

    protected static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** Asserts an RFC 9457 problem with the given status and Gyre code, and returns it. */
    protected JsonNode problem(HttpResponse<byte[]> response, int status, String code) {
        assertThat(response.statusCode()).as(text(response)).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.path("code").asString()).as(text(response)).isEqualTo(code);
        assertThat(problem.path("type").asString()).isEqualTo("https://gyre.dev/problems/" + code);
        return problem;
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
