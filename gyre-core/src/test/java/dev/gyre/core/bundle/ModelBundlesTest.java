package dev.gyre.core.bundle;

import dev.gyre.core.blob.Digests;
import dev.gyre.core.features.FeatureEncoder;
import dev.gyre.core.features.FeatureSpec;
import dev.gyre.core.features.Penguins;
import dev.gyre.core.ml.AlgorithmCatalog;
import dev.gyre.core.ml.Evaluation;
import dev.gyre.core.ml.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tribuo.Model;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelBundlesTest {
    private static final AtomicInteger OBJECT_INPUT_STREAMS = new AtomicInteger();
    private static boolean countingStreams;

    @BeforeAll
    static void countObjectInputStreams() {
        try {
            // called for every ObjectInputStream constructed in this JVM; passes the filter through unchanged
            ObjectInputFilter.Config.setSerialFilterFactory((current, requested) -> {
                OBJECT_INPUT_STREAMS.incrementAndGet();
                return requested;
            });
            countingStreams = true;
        } catch (IllegalStateException alreadySet) {
            countingStreams = false;
        }
    }

    @ParameterizedTest
    @CsvSource({
            "classification, logistic-regression, ''",
            "classification, cart, 'maxDepth=5'",
            "classification, random-forest, 'numTrees=10;maxDepth=5'",
            "classification, xgboost, 'numTrees=10'",
            "classification, linear-svm, ''",
            "classification, svm, ''",
            "classification, knn, ''",
            "classification, extra-trees, 'numTrees=10'",
            "classification, factorization-machine, 'epochs=5'",
            "regression, linear-regression, ''",
            "regression, knn, ''",
            "regression, extra-trees, 'numTrees=10'",
            "regression, cart, 'maxDepth=4'",
            "regression, random-forest, 'numTrees=10;maxDepth=4'",
            "regression, xgboost, 'numTrees=10;maxDepth=3'"})
    void roundTripPredictsIdenticallyWithoutJavaDeserialization(String task, String algorithm, String params) {
        ModelBundle bundle = trained(Task.of(task), algorithm, params);
        byte[] bytes = ModelBundles.write(bundle);
        int streamsBefore = OBJECT_INPUT_STREAMS.get();

        ModelBundle read = ModelBundles.read(bytes, Digests.sha256Hex(bytes));

        if (countingStreams) {
            assertThat(OBJECT_INPUT_STREAMS.get()).as("ObjectInputStreams created while reading").isEqualTo(streamsBefore);
        }
        assertThat(read.spec()).isEqualTo(bundle.spec());
        assertThat(read.signature()).isEqualTo(bundle.signature());
        assertThat(read.metrics()).isEqualTo(bundle.metrics());
        assertThat(read.provenance()).isEqualTo(bundle.provenance());
        List<Map<String, Object>> instances = instances(bundle.spec().label());
        assertThat(new Predictor(read).predict(instances)).isEqualTo(new Predictor(bundle).predict(instances));
    }

    @Test
    void theStreamCounterSeesJavaDeserialization() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(countingStreams, "another test set the serial filter factory");
        var buffer = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(buffer)) {
            out.writeObject("x");
        }
        int before = OBJECT_INPUT_STREAMS.get();
        try (var in = new java.io.ObjectInputStream(new ByteArrayInputStream(buffer.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo("x");
        }
        assertThat(OBJECT_INPUT_STREAMS.get()).isGreaterThan(before);
    }

    @Test
    void writesTheSameBytesTwice() {
        ModelBundle bundle = trained(Task.CLASSIFICATION, "xgboost", "numTrees=5");
        assertThat(ModelBundles.write(bundle)).isEqualTo(ModelBundles.write(bundle));
    }

    @Test
    void writesAManifestWithEveryEntryDigest() throws IOException {
        byte[] bytes = ModelBundles.write(trained(Task.REGRESSION, "cart", "maxDepth=3"));
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        assertThat(entries.keySet()).containsExactly("manifest.json", "model.tribuo", "feature-spec.json",
                "signature.json", "metrics.json", "provenance.json");
        var manifest = JsonMapper.builder().build().readTree(entries.get("manifest.json"));
        assertThat(manifest.get("format").asString()).isEqualTo("gyre-bundle/1");
        assertThat(manifest.get("entries").get(0).get("name").asString()).isEqualTo("model.tribuo");
        assertThat(manifest.get("entries").get(0).get("sha256").asString())
                .isEqualTo(Digests.sha256Hex(entries.get("model.tribuo")));
        assertThat(new String(entries.get("signature.json"))).contains("\"type\" : \"numeric\"");
    }

    @Test
    void rejectsAFlippedByte() {
        byte[] bytes = ModelBundles.write(trained(Task.CLASSIFICATION, "cart", "maxDepth=3"));
        String digest = Digests.sha256Hex(bytes);
        byte[] flipped = bytes.clone();
        flipped[flipped.length / 2] ^= 1;

        assertThatThrownBy(() -> ModelBundles.read(flipped, digest))
                .isInstanceOf(BundleIntegrityException.class).hasMessageContaining("digest mismatch");
        // even with a digest recomputed over the altered bytes, the entry checks catch it
        assertThatThrownBy(() -> ModelBundles.read(flipped, Digests.sha256Hex(flipped)))
                .isInstanceOf(BundleIntegrityException.class);
    }

    @Test
    void rejectsAWrongExpectedDigest() {
        byte[] bytes = ModelBundles.write(trained(Task.CLASSIFICATION, "cart", "maxDepth=3"));
        assertThatThrownBy(() -> ModelBundles.read(bytes, Digests.sha256Hex(new byte[] {1})))
                .isInstanceOf(BundleIntegrityException.class).hasMessageContaining("digest mismatch");
        assertThatThrownBy(() -> ModelBundles.read(bytes, null)).isInstanceOf(BundleIntegrityException.class);
        assertThat(ModelBundles.read(bytes, "sha256:" + Digests.sha256Hex(bytes).toUpperCase())).isNotNull();
    }

    @Test
    void rejectsAModelWhoseOutputDoesNotMatchTheTask() {
        ModelBundle classifier = trained(Task.CLASSIFICATION, "cart", "maxDepth=3");
        ModelBundle mismatched = ModelBundle.of(classifier.model(), Penguins.bodyMassSpec(), Map.of(), Map.of());
        byte[] bytes = ModelBundles.write(mismatched);
        assertThatThrownBy(() -> ModelBundles.read(bytes, Digests.sha256Hex(bytes)))
                .isInstanceOf(BundleIntegrityException.class).hasMessageContaining("Regressor");
    }

    static ModelBundle trained(Task task, String algorithm, String params) {
        FeatureSpec spec = task == Task.CLASSIFICATION ? Penguins.speciesSpec() : Penguins.bodyMassSpec();
        var data = FeatureEncoder.of(spec).dataset(Penguins.TABLE, "penguins@1").dataset();
        Model<?> model = Evaluation.train(new AlgorithmCatalog().trainer(task, algorithm, parse(params), 5), data);
        return ModelBundle.of(model, spec, Map.of("accuracy", 0.97, "f1_macro", 0.96),
                Map.of("dataset", "penguins@1", "algorithm", algorithm));
    }

    /** Every 17th penguin (missing values included) plus one with an unseen island. */
    static List<Map<String, Object>> instances(String label) {
        List<Map<String, Object>> instances = new ArrayList<>();
        for (int r = 0; r < Penguins.TABLE.rowCount(); r += 17) {
            Map<String, Object> record = Penguins.record(r, label);
            if (record.containsKey("Island")) {
                instances.add(record);
            }
        }
        Map<String, Object> unseen = new HashMap<>(instances.get(0));
        unseen.put("Island", "Anvers");
        instances.add(unseen);
        return instances;
    }

    private static Map<String, Object> parse(String params) {
        Map<String, Object> map = new HashMap<>();
        if (!params.isBlank()) {
            for (String kv : params.split(";")) {
                String[] p = kv.split("=");
                map.put(p[0], Integer.valueOf(p[1]));
            }
        }
        return map;
    }
}
