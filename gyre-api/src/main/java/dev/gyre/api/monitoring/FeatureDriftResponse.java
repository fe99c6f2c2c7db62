package dev.gyre.api.monitoring;

/**
 * Drift of one feature. {@code type} is "numeric" or "categorical", {@code test} "ks" or "chi2". A feature that
 * could not be tested (absent from every logged input) has null statistic, pValue and psi, {@code drifted}
 * false and a {@code note}.
 */
public record FeatureDriftResponse(String name, String type, String test, Double statistic, Double pValue,
                                   Double psi, boolean drifted, long referenceCount, long currentCount,
                                   String note) {
}
