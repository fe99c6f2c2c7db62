package dev.gyre.test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

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

    /**
     * A zip bomb made from a real bundle: its model entry replaced by {@code size} zero bytes, which deflate about
     * 1000 to 1 (the digests no longer match, but a reader must refuse it for its size before it gets that far).
     */
    public static byte[] withModelEntryOfZeros(byte[] bundle, long size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bundle));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("model.tribuo")) {
                    for (long left = size; left > 0; left -= zeros.length) {
                        zip.write(zeros, 0, (int) Math.min(left, zeros.length));
                    }
                } else {
                    zip.write(in.readAllBytes());
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Model<?> train(String algorithm, Map<String, ?> params) {
        var data = FeatureEncoder.of(Penguins.SPEC).dataset(Penguins.TABLE, "penguins@1").dataset();
        return Evaluation.train(new AlgorithmCatalog().trainer(Task.CLASSIFICATION, algorithm, params, 7), data);
    }
}
