package dev.gyre.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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

/** Real bundles: logistic regression trained on the penguins' Species with gyre-core, as training-service does. */
final class PenguinBundles {
    private static final Model<?> MODEL;
    private static final FeatureSpec SPEC;

    static {
        Table table;
        try {
            table = CsvTables.read(Files.readAllBytes(
                    Path.of(System.getProperty("basedir", "."), "../datasets/penguins.csv")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SPEC = FeatureSpec.fit(table, TypeInference.infer(table), "Species", Task.CLASSIFICATION);
        var data = FeatureEncoder.of(SPEC).dataset(table, "penguins@1").dataset();
        MODEL = Evaluation.train(new AlgorithmCatalog().trainer(Task.CLASSIFICATION, "logistic-regression",
                Map.of(), 7), data);
    }

    private PenguinBundles() {
    }

    /** The bundle registered as {@code version}: the same model, provenance naming the version (so the bytes differ). */
    static byte[] version(int version) {
        return ModelBundles.write(ModelBundle.of(MODEL, SPEC, Map.of("accuracy", 0.97),
                Map.of("dataset", "penguins@1", "algorithm", "logistic-regression", "version", String.valueOf(version))));
    }
}
