package dev.gyre.api.training;

/** {@code method} is "kfold" or "holdout"; {@code metric} picks the best run. */
public record EvaluationSpec(String method, Integer folds, Double testFraction, String metric) {
}
