package dev.gyre.registry;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

import dev.gyre.api.Caller;
import dev.gyre.api.registry.AliasRequest;
import dev.gyre.api.registry.ModelLineage;
import dev.gyre.api.registry.ModelResponse;
import dev.gyre.api.registry.ModelVersionResponse;
import dev.gyre.api.registry.RegisterModelRequest;
import dev.gyre.api.registry.RegistryApi;
import dev.gyre.boot.caller.CallerHeaderArgument;
import dev.gyre.core.blob.Digests;
import dev.gyre.core.bundle.ModelBundle;
import dev.gyre.core.bundle.ModelBundles;
import dev.gyre.core.bundle.Predictor;
import dev.gyre.test.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import tools.jackson.databind.JsonNode;

import static dev.gyre.test.ProblemAssertions.problem;
import static dev.gyre.test.UniqueNames.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

class BundleDownloadTests extends RegistryServiceTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void servesTheExactBytesWithDigestAndEtag() throws Exception {
        String model = uniqueName("download");
        byte[] bundle = logisticBundle(model);
        registered(model, bundle, 201, 1);

        Response response = http.get("/api/v1/models/" + model + "/versions/1/bundle");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bytes()).isEqualTo(bundle);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        String base64 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bundle));
        assertThat(response.headers().firstValue("Digest")).hasValue("sha-256=" + base64);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"" + Digests.sha256Hex(bundle) + "\"");
        // what serving-service does with it
        ModelBundle read = ModelBundles.read(response.bytes(), Digests.sha256Hex(bundle));
        assertThat(new Predictor(read).predict(java.util.List.of(Map.of("Island", "Biscoe", "Beak Length (mm)", 48.7,
                "Beak Depth (mm)", 14.1, "Flipper Length (mm)", 210.0, "Body Mass (g)", 4450.0, "Sex", "FEMALE"))))
                .singleElement().satisfies(p -> assertThat(p.label()).isEqualTo("Gentoo"));
    }

    @Test
    void aCorruptedBlobIsNeverServedButNamedAsBundleCorrupted() {
        String model = uniqueName("corrupt");
        byte[] bundle = logisticBundle(model);
        registered(model, bundle, 201, 1);
        // one bit of the stored large object flipped, behind the blob store's back
        assertThat(jdbc.sql("select lo_put(content_oid, size / 2, set_byte(lo_get(content_oid, size / 2, 1), 0,"
                        + " get_byte(lo_get(content_oid, size / 2, 1), 0) # 1)) from gyre_blob_object where sha256 = ?")
                .param(Digests.sha256Hex(bundle)).query().listOfRows()).hasSize(1);

        JsonNode problem = problem(http.get("/api/v1/models/" + model + "/versions/1/bundle"), 500, "bundle-corrupted");

        assertThat(problem.path("model").asString()).isEqualTo(model);
        assertThat(problem.path("version").asInt()).isEqualTo(1);
        assertThat(problem.path("detail").asString()).contains(model).contains("version 1");
    }

    /** training-service and serving-service reach the registry only through RegistryApi: it must fit. */
    @Test
    void theRegistryApiClientRegistersPromotesAndDownloads() {
        RegistryApi client = HttpServiceProxyFactory
                .builderFor(RestClientAdapter.create(RestClient.create(http.baseUrl())))
                .customArgumentResolver(new CallerHeaderArgument())
                .build().createClient(RegistryApi.class);
        Caller alice = new Caller("alice");
        String model = uniqueName("client");
        byte[] bundle = logisticBundle(model);
        ByteArrayResource resource = new ByteArrayResource(bundle) {
            @Override
            public String getFilename() {
                return "bundle.gyre";
            }
        };
        ModelLineage lineage = new ModelLineage("penguins", 3, "abc", "job-9", "run-9", "logistic-regression", "1.0");

        ModelVersionResponse registered = client.register(model, resource,
                new RegisterModelRequest("from the client", Map.of("accuracy", 0.95), lineage, "champion"), alice).getBody();

        assertThat(registered.version()).isEqualTo(1);
        assertThat(registered.sha256()).isEqualTo(Digests.sha256Hex(bundle));
        assertThat(registered.aliases()).containsExactly("champion");
        assertThat(registered.lineage()).isEqualTo(lineage);
        assertThat(client.register(model, resource, new RegisterModelRequest(null, Map.of(), lineage, null), alice).getBody().version())
                .isEqualTo(1);
        assertThat(client.versionByAlias(model, "champion").sha256()).isEqualTo(registered.sha256());
        assertThat(client.version(model, 1).signature()).containsEntry("task", "classification");
        ResponseEntity<byte[]> download = client.bundle(model, 1);
        assertThat(download.getBody()).isEqualTo(bundle);
        assertThat(download.getHeaders().getFirst("Digest")).startsWith("sha-256=");

        ModelVersionResponse second = client.register(model, new ByteArrayResource(cartBundle(model)),
                new RegisterModelRequest(null, Map.of("accuracy", 0.9), lineage, null), Caller.anonymous()).getBody();
        ModelResponse promoted = client.setAlias(model, "champion", new AliasRequest(second.version()), alice);
        assertThat(promoted.aliases()).containsEntry("champion", 2);
        assertThat(client.removeAlias(model, "champion", alice).getStatusCode().value()).isEqualTo(204);
        assertThat(client.archive(model, 1, alice).stage().name()).isEqualTo("ARCHIVED");
        assertThat(client.versions(model)).hasSize(2);
        assertThat(client.events(model)).extracting(e -> e.type())
                .containsExactly("ARCHIVED", "ALIAS_REMOVED", "ALIAS_SET", "REGISTERED", "ALIAS_SET", "REGISTERED");
        // the Caller argument goes out as X-Gyre-User, and the controller reads it back from there
        assertThat(client.events(model)).extracting(e -> e.actor())
                .containsExactly("alice", "alice", "alice", "anonymous", "alice", "alice");
        assertThat(client.model(model).description()).isEqualTo("from the client");
    }

    @Test
    void exposesRegistryMetricsToPrometheus() {
        String model = uniqueName("metrics");
        register(model, logisticBundle(model), metadata("champion"), null);

        String scrape = http.get("/actuator/prometheus").text();

        assertThat(scrape).contains("gyre_registry_registrations_total{", "outcome=\"created\"",
                "gyre_registry_alias_moves_total{");
    }
}
