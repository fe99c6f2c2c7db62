import dev.gyre.core.features.FeatureEncoder;
import dev.gyre.core.features.FeatureSpec;
import dev.gyre.core.ml.AlgorithmCatalog;
import dev.gyre.core.ml.Evaluation;
import dev.gyre.core.ml.EvaluationResult;
import dev.gyre.core.ml.Task;
import dev.gyre.core.table.CsvTables;
import dev.gyre.core.table.Table;
import dev.gyre.core.table.TypeInference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gyre's side of the training benchmark: 5-fold stratified cross-validation of catalog algorithms on CSV files,
 * through gyre-core (the code training-service runs). Prints one JSON line per dataset and algorithm:
 * {"dataset", "algorithm", "accuracy", "seconds"}. Usage: TrainBench LABEL_COLUMN=FILE.csv ... [--only a,b] [--runs N]
 */
public class TrainBench {
    public static void main(String[] args) throws Exception {
        java.util.logging.LogManager.getLogManager().reset(); // Tribuo logs every tree at INFO
        Map<String, Map<String, Object>> algorithms = new LinkedHashMap<>();
        algorithms.put("logistic-regression", Map.of());
        algorithms.put("linear-svm", Map.of());
        algorithms.put("svm", Map.of());
        algorithms.put("knn", Map.of());
        algorithms.put("cart", Map.of());
        algorithms.put("random-forest", Map.of("numTrees", 100));
        algorithms.put("extra-trees", Map.of("numTrees", 100));
        algorithms.put("xgboost", Map.of("numTrees", 100));
        int runs = 1;
        java.util.Set<String> only = null;
        AlgorithmCatalog catalog = new AlgorithmCatalog(1);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs")) {
                runs = Integer.parseInt(args[++i]);
                continue;
            }
            if (args[i].equals("--only")) {
                only = java.util.Set.of(args[++i].split(","));
                continue;
            }
            String[] labelFile = args[i].split("=", 2);
            Path file = Path.of(labelFile[1]);
            String dataset = file.getFileName().toString().replace(".csv", "");
            Table table = CsvTables.read(Files.readAllBytes(file));
            FeatureSpec spec = FeatureSpec.fit(table, TypeInference.infer(table), labelFile[0], Task.CLASSIFICATION);
            var data = FeatureEncoder.of(spec).dataset(table, dataset).dataset();
            for (var a : algorithms.entrySet()) {
                if (only != null && !only.contains(a.getKey())) {
                    continue;
                }
                EvaluationResult result = null;
                long best = Long.MAX_VALUE;
                for (int r = 0; r < runs; r++) {
                    long start = System.nanoTime();
                    result = Evaluation.stratifiedKfold(catalog.trainer(Task.CLASSIFICATION, a.getKey(), a.getValue(), 42),
                            data, 5, 42);
                    best = Math.min(best, System.nanoTime() - start);
                }
                System.out.printf(java.util.Locale.ROOT, "{\"dataset\": \"%s\", \"algorithm\": \"%s\", \"accuracy\": %.4f, \"seconds\": %.3f}%n",
                        dataset, a.getKey(), result.metrics().get("accuracy"), best / 1e9);
            }
        }
    }
}
