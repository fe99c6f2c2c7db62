package dev.gyre.api.monitoring;

/**
 * When drift is declared: a feature drifts when its test's p-value is below {@code alpha}; {@code psi} is
 * informational; the dataset drifts when at least {@code datasetShare} of its tested features drift.
 */
public record ThresholdsSpec(Double alpha, Double psi, Double datasetShare) {
}
