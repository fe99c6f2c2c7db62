package dev.gyre.test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
import org.tribuo.Model;

/**
 * Real bundles: penguin species classifiers trained on penguins.csv with gyre-core, as training-service trains them
 * (seed 7), and written with {@link ModelBundles}. Each algorithm and params is trained once per JVM.
 */
public final class PenguinBundles {
    private static final Map<String, Model<?>> MODELS = new ConcurrentHashMap<>();

    private PenguinBundles() {
    }

    private static final class Penguins {
        static final Table TABLE = CsvTables.read(Datasets.penguinsCsv());
        static final FeatureSpec SPEC = FeatureSpec.fit(TABLE, TypeInference.infer(TABLE), "Species",
                Task.CLASSIFICATION);
    }

    /** A bundle of the species classifier {@code algorithm} with {@code params}; provenance decides the bytes. */
    public static byte[] bundle(String algorithm, Map<String, ?> params, Map<String, Double> metrics,
                                Map<String, String> provenance) {
        Model<?> model = MODELS.computeIfAbsent(algorithm + params, key -> train(algorithm, params));
        return ModelBundles.write(ModelBundle.of(model, Penguins.SPEC, metrics, provenance));
    }

    private static Model<?> train(String algorithm, Map<String, ?> params) {
        var data = FeatureEncoder.of(Penguins.SPEC).dataset(Penguins.TABLE, "penguins@1").dataset();
        return Evaluation.train(new AlgorithmCatalog().trainer(Task.CLASSIFICATION, algorithm, params, 7), data);
    }
}
