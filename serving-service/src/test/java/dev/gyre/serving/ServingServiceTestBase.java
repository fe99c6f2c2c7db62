package dev.gyre.serving;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BooleanSupplier;

import dev.gyre.core.blob.Digests;
import dev.gyre.test.HttpTestClient;
import dev.gyre.test.HttpTestClient.Response;
import dev.gyre.test.PenguinBundles;
import dev.gyre.test.PostgresTestConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The one Spring context of serving-service's tests: real PostgreSQL, real HTTP on a random port, a stub
 * registry-service serving real penguin bundles, and a stub monitoring-service capturing prediction logs.
 *
 * <p>Registered models: {@code penguins} versions 1 and 2 ({@code champion} → 1), {@code follower} versions
 * 1 and 2 ({@code champion} → 1, moved by the alias test), {@code tampered} version 1 whose bytes do not
 * match the recorded digest, {@code padded} version 2 with bytes after its zip, {@code bomb} version 1 whose
 * model entry inflates to 200 MB. Each test uses its own deployment names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PostgresTestConfiguration.class)
public abstract class ServingServiceTestBase {
    protected static final RegistryStub REGISTRY = new RegistryStub();
    protected static final MonitoringStub MONITORING = new MonitoringStub();
    protected static final byte[] PENGUINS_V1 = penguinsBundle(1);
    protected static final byte[] PENGUINS_V2 = penguinsBundle(2);

    static {
        REGISTRY.register("penguins", 1, PENGUINS_V1);
        REGISTRY.register("penguins", 2, PENGUINS_V2);
        REGISTRY.alias("penguins", "champion", 1);
        REGISTRY.register("follower", 1, PENGUINS_V1);
        REGISTRY.register("follower", 2, PENGUINS_V2);
        REGISTRY.alias("follower", "champion", 1);
        byte[] altered = Arrays.copyOf(PENGUINS_V1, PENGUINS_V1.length);
        altered[altered.length / 2] ^= 0x5a;
        REGISTRY.register("tampered", 1, altered, Digests.sha256Hex(PENGUINS_V1));
        REGISTRY.alias("tampered", "champion", 1);
        // version 2 carries 1 KB after its zip's end record; the registry recorded the digest of those bytes
        byte[] padded = Arrays.copyOf(PENGUINS_V2, PENGUINS_V2.length + 1024);
        REGISTRY.register("padded", 1, PENGUINS_V1);
        REGISTRY.register("padded", 2, padded);
        REGISTRY.alias("padded", "champion", 1);
        REGISTRY.register("bomb", 1, PenguinBundles.withModelEntryOfZeros(PENGUINS_V1, 200L << 20));
        REGISTRY.alias("bomb", "champion", 1);
        // the stubs live as long as the cached context that uses them: stop them when the JVM ends
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            REGISTRY.close();
            MONITORING.close();
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

    /** The bundle registered as {@code version}: the same model, provenance naming the version (other bytes). */
    private static byte[] penguinsBundle(int version) {
        return PenguinBundles.bundle("logistic-regression", Map.of(), Map.of("accuracy", 0.97), Map.of(
                "dataset", "penguins@1", "algorithm", "logistic-regression", "version", String.valueOf(version)));
    }

    protected HttpTestClient http;

    @LocalServerPort
    void connect(int port) {
        http = new HttpTestClient(port);
    }

    protected Response deploy(String name, String model, String alias) {
        return http.put("/api/v1/deployments/" + name, "{\"model\":\"" + model + "\",\"alias\":\"" + alias + "\"}");
    }

    protected Response predict(String deployment, String instancesJson) {
        return http.post("/api/v1/deployments/" + deployment + "/predict", "{\"instances\":" + instancesJson + "}");
    }

    /** Deploys {@code name} (penguins, alias champion) unless an earlier test already did, asserting the 201. */
    protected void ensureDeployed(String name) {
        if (http.get("/api/v1/deployments/" + name).status() == 404) {
            assertThat(deploy(name, "penguins", "champion").status()).isEqualTo(201);
        }
    }

    /** The first penguin of the dataset, an Adelie: Torgersen, 39.1, 18.7, 181, 3750, MALE. */
    protected static final String ADELIE = """
            {"Island":"Torgersen","Beak Length (mm)":39.1,"Beak Depth (mm)":18.7,"Flipper Length (mm)":181,\
            "Body Mass (g)":3750,"Sex":"MALE"}""";

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
