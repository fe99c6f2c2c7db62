package dev.gyre.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.gyre.core.blob.BlobStore;
import dev.gyre.core.blob.Digests;
import dev.gyre.test.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static dev.gyre.test.ProblemAssertions.problem;
import static dev.gyre.test.UniqueNames.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

class RegistrationTests extends RegistryServiceTestBase {

    @Autowired
    BlobStore blobs;

    @Test
    void registersARealBundleAsVersionOneWithTheSignatureTakenFromIt() {
        String model = uniqueName("penguins");
        byte[] bundle = logisticBundle(model);

        Response response = register(model, bundle, metadata(null), "alice");

        assertThat(response.status()).as(response.text()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/models/" + model + "/versions/1");
        JsonNode v = response.body();
        assertThat(v.path("model").asString()).isEqualTo(model);
        assertThat(v.path("version").asInt()).isEqualTo(1);
        assertThat(v.path("sha256").asString()).isEqualTo(Digests.sha256Hex(bundle));
        assertThat(v.path("sizeBytes").asLong()).isEqualTo(bundle.length);
        assertThat(v.path("stage").asString()).isEqualTo("ACTIVE");
        assertThat(v.path("aliases").size()).isZero();
        assertThat(v.path("metrics").path("accuracy").asDouble()).isEqualTo(0.97);
        assertThat(v.path("lineage").path("dataset").asString()).isEqualTo("penguins");
        assertThat(v.path("lineage").path("datasetVersion").asInt()).isEqualTo(1);
        assertThat(v.path("createdAt").asString()).isNotBlank();

        JsonNode signature = v.path("signature");
        assertThat(signature.path("task").asString()).isEqualTo("classification");
        List<String> inputs = new ArrayList<>();
        signature.path("inputs").forEach(f -> inputs.add(f.path("name").asString()));
        assertThat(inputs).containsExactlyInAnyOrder("Island", "Beak Length (mm)", "Beak Depth (mm)",
                "Flipper Length (mm)", "Body Mass (g)", "Sex");
        JsonNode island = signature.path("inputs").valueStream()
                .filter(f -> f.path("name").asString().equals("Island")).findFirst().orElseThrow();
        assertThat(island.path("type").asString()).isEqualTo("categorical");
        assertThat(island.has("required")).isTrue();
        List<String> labels = new ArrayList<>();
        signature.path("outputLabels").forEach(l -> labels.add(l.asString()));
        assertThat(labels).containsExactlyInAnyOrder("Adelie", "Chinstrap", "Gentoo");

        JsonNode read = http.get("/api/v1/models/" + model).body();
        assertThat(read.path("name").asString()).isEqualTo(model);
        assertThat(read.path("description").asString()).isEqualTo("penguin species");
        assertThat(read.path("latestVersion").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/models/" + model + "/versions/1").body().path("sha256").asString())
                .isEqualTo(Digests.sha256Hex(bundle));
    }

    @Test
    void theSameBytesAgainAnswer200WithTheExistingVersionAndOtherBytesMakeVersionTwo() {
        String model = uniqueName("retry");
        byte[] first = logisticBundle(model);
        registered(model, first, 201, 1);

        JsonNode again = registered(model, first, 200, 1);
        assertThat(again.path("sha256").asString()).isEqualTo(Digests.sha256Hex(first));

        byte[] second = cartBundle(model);
        JsonNode v2 = registered(model, second, 201, 2);
        assertThat(v2.path("sha256").asString()).isEqualTo(Digests.sha256Hex(second));

        JsonNode versions = http.get("/api/v1/models/" + model + "/versions").body();
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(0).path("version").asInt()).isEqualTo(1);
        assertThat(versions.get(1).path("version").asInt()).isEqualTo(2);
        assertThat(http.get("/api/v1/models/" + model).body().path("latestVersion").asInt()).isEqualTo(2);
        assertThat(http.get("/api/v1/models/" + model + "/events").body().size()).as("one REGISTERED per version")
                .isEqualTo(2);
    }

    @Test
    void theSameBundleUnderAnotherModelIsANewModelsVersionOne() {
        byte[] bundle = logisticBundle(uniqueName("shared"));
        registered(uniqueName("one"), bundle, 201, 1);
        registered(uniqueName("two"), bundle, 201, 1);
    }

    @Test
    void rejectsGarbageBytesAsInvalidBundleAndWritesNothing() {
        String model = uniqueName("garbage");
        byte[] garbage = "this is not a model bundle".getBytes();

        JsonNode problem = problem(register(model, garbage), 400, "invalid-bundle");

        assertThat(problem.path("field").asString()).isEqualTo("bundle");
        problem(http.get("/api/v1/models/" + model), 404, "not-found");
        assertThat(blobs.exists(Digests.sha256Hex(garbage))).isFalse();
    }

    @Test
    void rejectsATruncatedBundleAndAnEmptyOne() {
        String model = uniqueName("truncated");
        byte[] bundle = logisticBundle(model);
        byte[] truncated = java.util.Arrays.copyOf(bundle, bundle.length / 2);

        assertThat(problem(register(model, truncated), 400, "invalid-bundle").path("field").asString())
                .isEqualTo("bundle");
        assertThat(problem(register(model, new byte[0]), 400, "invalid-bundle").path("field").asString())
                .isEqualTo("bundle");
        problem(http.get("/api/v1/models/" + model), 404, "not-found");
    }

    @Test
    void rejectsABadModelNameNamingTheField() {
        JsonNode problem = problem(register("Bad_Name", logisticBundle("x")), 400, "invalid-name");
        assertThat(problem.path("field").asString()).isEqualTo("name");
    }

    @Test
    void rejectsABadAliasInTheMetadataWithoutRegistering() {
        String model = uniqueName("badalias");
        JsonNode problem = problem(register(model, logisticBundle(model), metadata("Champion!"), null), 400,
                "invalid-name");
        assertThat(problem.path("field").asString()).isEqualTo("alias");
        problem(http.get("/api/v1/models/" + model), 404, "not-found");
    }

    @Test
    void rejectsARegistrationWithoutMetadataOrWithMalformedMetadata() {
        String model = uniqueName("nometa");
        assertThat(problem(register(model, logisticBundle(model), null, null), 400, "missing-part")
                .path("field").asString()).isEqualTo("metadata");
        assertThat(problem(register(model, null, metadata(null), null), 400, "invalid-bundle")
                .path("field").asString()).isEqualTo("bundle");

        JsonNode problem = problem(register(model, logisticBundle(model), "{\"metrics\":{\"accuracy\":\"high\"}}", null),
                400, "malformed-request");
        assertThat(problem.path("field").asString()).isEqualTo("metrics.accuracy");
        problem(http.get("/api/v1/models/" + model), 404, "not-found");
    }

    @Test
    void registersWithAnAliasInOneStep() {
        String model = uniqueName("aliased");
        Response response = register(model, logisticBundle(model), metadata("champion"), "trainer");
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        assertThat(response.body().path("aliases").get(0).asString()).isEqualTo("champion");
        assertThat(http.get("/api/v1/models/" + model).body().path("aliases").path("champion").asInt()).isEqualTo(1);

        JsonNode events = http.get("/api/v1/models/" + model + "/events").body();
        assertThat(events.get(0).path("type").asString()).isEqualTo("ALIAS_SET");
        assertThat(events.get(0).path("actor").asString()).isEqualTo("trainer");
        assertThat(events.get(1).path("type").asString()).isEqualTo("REGISTERED");
    }

    @Test
    void concurrentRegistrationsGetConsecutiveVersionsAndRetriesRaceToOne() throws Exception {
        String model = uniqueName("race");
        List<byte[]> bundles = List.of(logisticBundle(model + "-a"), logisticBundle(model + "-b"),
                cartBundle(model + "-c"), cartBundle(model + "-d"));
        List<Callable<Response>> calls = new ArrayList<>();
        bundles.forEach(b -> calls.add(() -> register(model, b)));
        byte[] retried = logisticBundle(model + "-retried");
        for (int i = 0; i < 3; i++) {
            calls.add(() -> register(model, retried));
        }

        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        List<Integer> created = new ArrayList<>();
        List<Integer> existing = new ArrayList<>();
        try {
            for (Future<Response> f : pool.invokeAll(calls)) {
                Response r = f.get();
                assertThat(r.status()).as(r.text()).isIn(200, 201);
                (r.status() == 201 ? created : existing).add(r.body().path("version").asInt());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(created).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(existing).hasSize(2);
        assertThat(http.get("/api/v1/models/" + model + "/versions").body().size()).isEqualTo(5);
    }
}
