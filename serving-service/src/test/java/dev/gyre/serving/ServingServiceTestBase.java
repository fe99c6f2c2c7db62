package dev.gyre.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

import dev.gyre.core.bundle.ModelBundles;
import dev.gyre.test.PostgresTestConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.fail;

/**
 * The one Spring context of serving-service's tests: real PostgreSQL, real HTTP on a random port, a stub
 * registry-service serving real penguin bundles, and a stub monitoring-service capturing prediction logs.
 *
 * <p>Registered models: {@code penguins} versions 1 and 2 ({@code champion} → 1), {@code follower} versions
 * 1 and 2 ({@code champion} → 1, moved by the alias test), {@code tampered} version 1 whose bytes do not
 * match the recorded digest. Each test uses its own deployment names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PostgresTestConfiguration.class)
public abstract class ServingServiceTestBase {
    protected static final RegistryStub REGISTRY = new RegistryStub();
    protected static final MonitoringStub MONITORING = new MonitoringStub();
    protected static final byte[] PENGUINS_V1 = PenguinBundles.version(1);
    protected static final byte[] PENGUINS_V2 = PenguinBundles.version(2);
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static {
        REGISTRY.register("penguins", 1, PENGUINS_V1);
        REGISTRY.register("penguins", 2, PENGUINS_V2);
        REGISTRY.alias("penguins", "champion", 1);
        REGISTRY.register("follower", 1, PENGUINS_V1);
        REGISTRY.register("follower", 2, PENGUINS_V2);
        REGISTRY.alias("follower", "champion", 1);
        byte[] altered = Arrays.copyOf(PENGUINS_V1, PENGUINS_V1.length);
        altered[altered.length / 2] ^= 0x5a;
        REGISTRY.register("tampered", 1, altered, ModelBundles.sha256(PENGUINS_V1));
        REGISTRY.alias("tampered", "champion", 1);
        // the stubs live as long as the cached context that uses them: stop them when the JVM ends
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            REGISTRY.stop();
            MONITORING.stop();
        }));
    }

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        registry.add("spring.http.serviceclient.registry.base-url", REGISTRY::url);
        registry.add("spring.http.serviceclient.monitoring.base-url", MONITORING::url);
        registry.add("gyre.serving.alias-refresh", () -> "300ms");
        registry.add("gyre.serving.max-instances", () -> "100");
        registry.add("gyre.serving.log.flush-interval", () -> "200ms");
        registry.add("gyre.serving.log.initial-backoff", () -> "100ms");
        registry.add("gyre.serving.log.max-backoff", () -> "400ms");
        registry.add("gyre.serving.log.max-attempts", () -> "3");
        registry.add("gyre.serving.log.shutdown-timeout", () -> "2s");
    }

    @LocalServerPort
    protected int port;

    /** A response: status, body as JSON (null when empty) and how long the call took. */
    protected record Response(int status, JsonNode body, long millis) {
        public String code() {
            return body == null || body.get("code") == null ? null : body.get("code").asString();
        }
    }

    protected Response put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"));
    }

    protected Response post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"));
    }

    protected Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    protected Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    protected Response deploy(String name, String model, String alias) {
        return put("/api/v1/deployments/" + name, "{\"model\":\"" + model + "\",\"alias\":\"" + alias + "\"}");
    }

    protected Response predict(String deployment, String instancesJson) {
        return post("/api/v1/deployments/" + deployment + "/predict", "{\"instances\":" + instancesJson + "}");
    }

    /** The first penguin of the dataset, an Adelie: Torgersen, 39.1, 18.7, 181, 3750, MALE. */
    protected static final String ADELIE = """
            {"Island":"Torgersen","Beak Length (mm)":39.1,"Beak Depth (mm)":18.7,"Flipper Length (mm)":181,\
            "Body Mass (g)":3750,"Sex":"MALE"}""";

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Response send(HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            String body = response.body();
            return new Response(response.statusCode(), body == null || body.isBlank() ? null : JSON.readTree(body),
                    millis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} every 50 ms until it holds, failing after {@code timeout}. */
    protected static void await(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout + " waiting until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
