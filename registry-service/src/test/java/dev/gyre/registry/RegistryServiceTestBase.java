package dev.gyre.registry;

import java.util.Map;

import dev.gyre.test.HttpTestClient;
import dev.gyre.test.HttpTestClient.Response;
import dev.gyre.test.Multipart;
import dev.gyre.test.PenguinBundles;
import dev.gyre.test.PostgresTestConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every registry-service test runs against one context: the service on a random port, a real PostgreSQL,
 * requests over real HTTP ({@link HttpTestClient}), and real bundles ({@link PenguinBundles}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PostgresTestConfiguration.class)
public abstract class RegistryServiceTestBase {
    protected static final String USER_HEADER = "X-Gyre-User";

    protected HttpTestClient http;

    @LocalServerPort
    void connect(int port) {
        http = new HttpTestClient(port);
    }

    /** The client acting as {@code user}; anonymous when user is null. */
    protected HttpTestClient as(String user) {
        return http.withHeader(USER_HEADER, user);
    }

    /** A real logistic-regression bundle; {@code run} goes into its provenance, so each run gives other bytes. */
    protected static byte[] logisticBundle(String run) {
        return PenguinBundles.bundle("logistic-regression", Map.of(), Map.of("accuracy", 0.97, "f1_macro", 0.96),
                Map.of("run", run, "algorithm", "logistic-regression"));
    }

    protected static byte[] cartBundle(String run) {
        return PenguinBundles.bundle("cart", Map.of("maxDepth", 3), Map.of("accuracy", 0.93),
                Map.of("run", run, "algorithm", "cart"));
    }

    protected static String metadata(String alias) {
        return "{\"description\":\"penguin species\",\"metrics\":{\"accuracy\":0.97,\"f1_macro\":0.96},"
                + "\"lineage\":{\"dataset\":\"penguins\",\"datasetVersion\":1,\"trainingJob\":\"job-1\","
                + "\"run\":\"run-1\",\"algorithm\":\"logistic-regression\",\"codeVersion\":\"test\"}"
                + (alias == null ? "" : ",\"alias\":\"" + alias + "\"") + "}";
    }

    protected Response register(String model, byte[] bundle) {
        return register(model, bundle, metadata(null), null);
    }

    /** POST multipart {@code bundle} (bytes) + {@code metadata} (JSON); either may be null to leave it out. */
    protected Response register(String model, byte[] bundle, String metadataJson, String user) {
        Multipart body = new Multipart();
        if (bundle != null) {
            body.file("bundle", "model.gyre", "application/octet-stream", bundle);
        }
        if (metadataJson != null) {
            body.part("metadata", "application/json", metadataJson);
        }
        return as(user).post("/api/v1/models/" + model + "/versions", body.contentType(), body.bytes());
    }

    /** Registers and asserts the status and version number. */
    protected JsonNode registered(String model, byte[] bundle, int status, int version) {
        Response response = register(model, bundle);
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        JsonNode body = response.body();
        assertThat(body.path("version").asInt()).isEqualTo(version);
        return body;
    }
}
