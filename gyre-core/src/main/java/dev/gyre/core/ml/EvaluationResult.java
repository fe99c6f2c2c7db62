package dev.gyre.core.ml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metrics of one evaluation and its wall-clock duration, training included. For k-fold, {@code metrics} is the
 * mean over the folds that report each metric and {@code folds} holds every fold's own metrics, in fold order;
 * for a hold-out, {@code folds} is empty. Keys are {@link Metrics} names, in {@link Metrics#forTask} order.
 */
public record EvaluationResult(Map<String, Double> metrics, List<Map<String, Double>> folds, long durationMs) {
    public EvaluationResult {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        folds = folds.stream().map(f -> Collections.unmodifiableMap(new LinkedHashMap<>(f))).toList();
    }

    /** A single evaluation (hold-out): no folds. */
    public EvaluationResult(Map<String, Double> metrics, long durationMs) {
        this(metrics, List.of(), durationMs);
    }

    /** The mean of each metric over the folds that report it (AUC may be missing from a fold). */
    static EvaluationResult ofFolds(List<Map<String, Double>> folds, long durationMs) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Map<String, Double> fold : folds) {
            fold.forEach((k, v) -> {
                double[] s = sums.computeIfAbsent(k, x -> new double[2]);
                s[0] += v;
                s[1]++;
            });
        }
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((k, s) -> means.put(k, s[0] / s[1]));
        return new EvaluationResult(means, new ArrayList<>(folds), durationMs);
    }

    /**
     * The population standard deviation of each metric over the folds (as scikit-learn's {@code cv_results_}
     * report {@code std_test_score}); empty for a hold-out.
     */
    public Map<String, Double> std() {
        return std(metrics, folds);
    }

    /** {@link #std()} for figures read back from storage. */
    public static Map<String, Double> std(Map<String, Double> means, List<Map<String, Double>> folds) {
        Map<String, Double> std = new LinkedHashMap<>();
        if (folds.isEmpty()) {
            return std;
        }
        means.forEach((k, mean) -> {
            double sum = 0;
            int n = 0;
            for (Map<String, Double> fold : folds) {
                Double v = fold.get(k);
                if (v != null) {
                    sum += (v - mean) * (v - mean);
                    n++;
                }
            }
            if (n > 0) {
                std.put(k, Math.sqrt(sum / n));
            }
        });
        return std;
    }
}
