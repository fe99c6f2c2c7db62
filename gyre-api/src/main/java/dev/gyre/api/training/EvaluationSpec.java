package dev.gyre.api.training;

/** How runs are evaluated ({@code folds} for kfold, {@code testFraction} for holdout); {@code metric} picks the best run. */
public record EvaluationSpec(EvaluationMethod method, Integer folds, Double testFraction, String metric) {
}
