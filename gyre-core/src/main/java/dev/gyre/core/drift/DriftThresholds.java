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

    /** @throws InvalidThreshold naming the threshold out of range */
    public DriftThresholds {
        if (!(alpha > 0 && alpha < 1)) {
            throw new InvalidThreshold("alpha", "alpha must be in (0, 1): " + alpha);
        }
        if (!(psi >= 0)) {
            throw new InvalidThreshold("psi", "psi must be >= 0: " + psi);
        }
        if (!(datasetShare > 0 && datasetShare <= 1)) {
            throw new InvalidThreshold("datasetShare", "datasetShare must be in (0, 1]: " + datasetShare);
        }
    }

    /** A threshold out of its range; {@link #threshold()} is its component name, e.g. {@code alpha}. */
    public static final class InvalidThreshold extends IllegalArgumentException {
        private final String threshold;

        InvalidThreshold(String threshold, String message) {
            super(message);
            this.threshold = threshold;
        }

        public String threshold() {
            return threshold;
        }
    }
}
