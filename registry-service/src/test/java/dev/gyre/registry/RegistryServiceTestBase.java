package dev.gyre.registry;

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
import java.util.Map;
import java.util.UUID;

import dev.gyre.core.bundle.ModelBundle;
import dev.gyre.core.bundle.ModelBundles;
import dev.gyre.core.features.FeatureEncoder;
import dev.gyre.core.features.FeatureSpec;
import dev.gyre.core.ml.AlgorithmCatalog;
import dev.gyre.core.ml.Evaluation;
import dev.gyre.core.ml.Task;
import dev.gyre.core.table.CsvTables;
import dev.gyre.core.table.Table;
import dev.gyre.core.table.TypeInference;
import dev.gyre.test.PostgresTestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.tribuo.Model;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every registry-service test runs against one context: the service on a random port, a real PostgreSQL,
 * requests over real HTTP, and real bundles: Tribuo models trained on the penguins with gyre-core and
 * written with {@link ModelBundles}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PostgresTestConfiguration.class)
public abstract class RegistryServiceTestBase {
    protected static final Path PENGUINS = Path.of(System.getProperty("basedir", "."), "../datasets/penguins.csv");
    protected static final String USER_HEADER = "X-Gyre-User";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JsonMapper json;

    /** Species classifiers trained once per JVM. */
    protected static final class Trained {
        static final Table TABLE = read();
        static final FeatureSpec SPEC = FeatureSpec.fit(TABLE, TypeInference.infer(TABLE), "Species", Task.CLASSIFICATION);
        static final Model<?> LOGISTIC = train("logistic-regression", Map.of());
        static final Model<?> CART = train("cart", Map.of("maxDepth", 3));

        private static Model<?> train(String algorithm, Map<String, ?> params) {
            var data = FeatureEncoder.of(SPEC).dataset(TABLE, "penguins@1").dataset();
            return Evaluation.train(new AlgorithmCatalog().trainer(Task.CLASSIFICATION, algorithm, params, 7), data);
        }

        private static Table read() {
            try {
                return CsvTables.read(Files.readAllBytes(PENGUINS));
            } catch (IOException e) {
                throw new IllegalStateException("penguins.csv not found at " + PENGUINS.toAbsolutePath(), e);
            }
        }
    }

    /** A real logistic-regression bundle; {@code run} goes into its provenance, so each run gives other bytes. */
    protected static byte[] logisticBundle(String run) {
        return ModelBundles.write(ModelBundle.of(Trained.LOGISTIC, Trained.SPEC,
                Map.of("accuracy", 0.97, "f1_macro", 0.96), Map.of("run", run, "algorithm", "logistic-regression")));
    }

    protected static byte[] cartBundle(String run) {
        return ModelBundles.write(ModelBundle.of(Trained.CART, Trained.SPEC,
                Map.of("accuracy", 0.93), Map.of("run", run, "algorithm", "cart")));
    }

    /** A fresh, valid model name, so tests sharing one database never collide. */
    protected static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    protected static String metadata(String alias) {
        return "{\"description\":\"penguin species\",\"metrics\":{\"accuracy\":0.97,\"f1_macro\":0.96},"
                + "\"lineage\":{\"dataset\":\"penguins\",\"datasetVersion\":1,\"trainingJob\":\"job-1\","
                + "\"run\":\"run-1\",\"algorithm\":\"logistic-regression\",\"codeVersion\":\"test\"}"
                + (alias == null ? "" : ",\"alias\":\"" + alias + "\"") + "}";
    }

    protected HttpResponse<byte[]> register(String model, byte[] bundle) {
        return register(model, bundle, metadata(null), null);
    }

    /** POST multipart {@code bundle} (bytes) + {@code metadata} (JSON); either may be null to leave it out. */
    protected HttpResponse<byte[]> register(String model, byte[] bundle, String metadataJson, String user) {
        String boundary = "gyre" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (bundle != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"bundle\"; filename=\"model.gyre\""
                    + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bundle);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        if (metadataJson != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\""
                    + "\r\nContent-Type: application/json\r\n\r\n" + metadataJson + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/models/" + model + "/versions"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (user != null) {
            request.header(USER_HEADER, user);
        }
        return send(request.build());
    }

    /** Registers and asserts the status and version number. */
    protected JsonNode registered(String model, byte[] bundle, int status, int version) {
        HttpResponse<byte[]> response = register(model, bundle);
        assertThat(response.statusCode()).as(text(response)).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.path("version").asInt()).isEqualTo(version);
        return body;
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    protected HttpResponse<byte[]> putJson(String path, String body, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header(USER_HEADER, user);
        }
        return send(request.build());
    }

    protected HttpResponse<byte[]> post(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            request.header(USER_HEADER, user);
        }
        return send(request.build());
    }

    protected HttpResponse<byte[]> delete(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).DELETE();
        if (user != null) {
            request.header(USER_HEADER, user);
        }
        return send(request.build());
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
