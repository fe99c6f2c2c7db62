package dev.gyre.registry;

import java.io.IOException;
import java.util.Arrays;

import dev.gyre.core.blob.BlobStore;
import dev.gyre.core.blob.Digests;
import dev.gyre.test.PenguinBundles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static dev.gyre.test.ProblemAssertions.problem;
import static dev.gyre.test.UniqueNames.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

/** Bundles made bad from a real one are refused before anything is stored, and the alias stays where it was. */
class BundleVerificationTests extends RegistryServiceTestBase {

    @Autowired
    BlobStore blobs;

    @Test
    void refusesAZipBombWith413AndStoresNothing() throws IOException {
        String model = uniqueName("bomb");
        byte[] bomb = PenguinBundles.withModelEntryOfZeros(logisticBundle(model), 300L << 20);
        assertThat(bomb.length).as("the upload is small").isLessThan(1 << 20);

        JsonNode problem = problem(register(model, bomb), 413, "bundle-too-large", "bundle");

        assertThat(problem.path("detail").asString()).contains("model.tribuo");
        assertThat(problem.path("limit").asLong()).isEqualTo(128L << 20);
        problem(http.get("/api/v1/models/" + model), 404, "not-found");
        assertThat(blobs.exists(Digests.sha256Hex(bomb))).isFalse();
        // the service is still fine
        registered(model, logisticBundle(model), 201, 1);
    }

    @Test
    void refusesABundleWithItsLastByteCutAndOneWithTrailingGarbageWithoutMovingTheAlias() {
        String model = uniqueName("verified");
        byte[] good = logisticBundle(model);
        var first = register(model, good, metadata("champion"), "alice");
        assertThat(first.status()).as(first.text()).isEqualTo(201);

        byte[] other = cartBundle(model);
        byte[] cut = Arrays.copyOf(other, other.length - 1);
        byte[] padded = Arrays.copyOf(other, other.length + 1024);
        Arrays.fill(padded, other.length, padded.length, (byte) 0x5A);

        for (byte[] bad : new byte[][] {cut, padded}) {
            JsonNode problem = problem(register(model, bad, metadata("champion"), "alice"), 400, "invalid-bundle", "bundle");
            assertThat(problem.path("detail").asString()).contains("end of central directory");
            assertThat(blobs.exists(Digests.sha256Hex(bad))).isFalse();
        }
        JsonNode read = http.get("/api/v1/models/" + model).body();
        assertThat(read.path("latestVersion").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/models/" + model + "/aliases/champion").body().path("version").asInt())
                .isEqualTo(1);
        problem(http.get("/api/v1/models/" + model + "/versions/2"), 404, "not-found");
    }
}
