package dev.gyre.core.drift;

/**
 * Drift of one feature between a reference sample and a current sample.
 *
 * @param type           {@code "numeric"} or {@code "categorical"}
 * @param test           {@code "ks"} (two-sample Kolmogorov–Smirnov) or {@code "chi2"} (chi-squared goodness of fit)
 * @param statistic      the test statistic (KS D, or chi-squared)
 * @param pValue         the test's p-value
 * @param psi            population stability index
 * @param referenceCount non-missing values in the reference
 * @param currentCount   non-missing values in the current sample
 * @param drifted        {@code pValue < alpha}
 */
public record FeatureDrift(String name, String type, String test, double statistic, Double pValue, double psi,
                           long referenceCount, long currentCount, boolean drifted) {
}
