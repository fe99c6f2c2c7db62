package dev.gyre.core.drift;

/**
 * When drift is declared.
 *
 * @param alpha        significance level: a feature drifts when its test's p-value is below it
 * @param psi          population stability index above which a shift is worth reporting (informational)
 * @param datasetShare the dataset drifts when at least this share of its features drift
 */
public record DriftThresholds(double alpha, double psi, double datasetShare) {
    public static final DriftThresholds DEFAULT = new DriftThresholds(0.05, 0.2, 0.5);

    public DriftThresholds {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        }
        if (!(psi >= 0)) {
            throw new IllegalArgumentException("psi must be >= 0: " + psi);
        }
        if (!(datasetShare > 0 && datasetShare <= 1)) {
            throw new IllegalArgumentException("datasetShare must be in (0, 1]: " + datasetShare);
        }
    }
}
