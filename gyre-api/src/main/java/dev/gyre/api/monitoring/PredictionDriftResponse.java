package dev.gyre.api.monitoring;

/**
 * Drift of the model's outputs (predicted labels, or values) against the reference's label column;
 * null statistics and a {@code note} when it could not be tested.
 */
public record PredictionDriftResponse(String column, String test, Double statistic, Double pValue, Double psi,
                                      boolean drifted, long referenceCount, long currentCount, String note) {
}
