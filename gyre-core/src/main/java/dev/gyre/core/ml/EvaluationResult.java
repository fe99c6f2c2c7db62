package dev.gyre.core.ml;

import java.util.Map;

/**
 * Metrics of one evaluation (for k-fold, the mean over folds) and its wall-clock duration,
 * training included. Keys are {@link Metrics} names, in {@link Metrics#forTask} order.
 */
public record EvaluationResult(Map<String, Double> metrics, long durationMs) {
    public EvaluationResult {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }
}
