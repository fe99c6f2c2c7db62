package dev.gyre.core.drift;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.inference.SignificanceResult;

/**
 * Statistical drift tests of one feature: Kolmogorov–Smirnov for numeric features, chi-squared goodness of
 * fit for categorical ones, and the population stability index (PSI) for both. Missing values ({@code null},
 * or {@code NaN} in numeric arrays) are left out.
 */
public final class DriftTests {
    /**
     * Proportion used in place of zero, for empty PSI bins and for categories absent from the reference
     * (the value Evidently uses). It keeps the logarithm and the chi-squared expected counts finite while
     * still making an empty-vs-populated bin count heavily.
     */
    public static final double EPSILON = 1e-4;

    private static final int PSI_BINS = 10;
    private static final Quantile DECILES = Quantile.withDefaults()
            .with(Quantile.EstimationMethod.HF7)
            .withCopy(true); // in place, Quantile would reorder the caller's array

    /** The two-sample KS test needs at least this many present values on each side. */
    public static final int MIN_NUMERIC_VALUES = 2;

    private DriftTests() {
    }

    /**
     * Two-sample KS test (statistic D and two-sided p-value, from Commons Statistics) and PSI over ten bins
     * whose edges are the reference deciles (HF7, as numpy), the first and last bins open-ended, equal edges
     * merged; a value equal to an edge goes to the bin above it.
     *
     * @throws IllegalArgumentException if either sample has fewer than {@link #MIN_NUMERIC_VALUES} present values
     */
    public static FeatureDrift numeric(String name, double[] reference, double[] current, DriftThresholds t) {
        double[] ref = present(name, "reference", reference);
        double[] cur = present(name, "current", current);
        KolmogorovSmirnovTest.TwoResult ks = KolmogorovSmirnovTest.withDefaults().test(ref, cur);
        double psi = numericPsi(ref, cur);
        return new FeatureDrift(name, "numeric", "ks", ks.getStatistic(), ks.getPValue(), psi,
                ref.length, cur.length, ks.getPValue() < t.alpha());
    }

    /**
     * Chi-squared goodness of fit of the current category counts against counts expected from the reference
     * proportions, and PSI over the union of categories. A category absent from the reference gets the
     * proportion {@link #EPSILON} (the reference proportions are then renormalized), so a new category counts
     * as strong evidence of drift instead of dividing by zero. With a single category overall there is
     * nothing to test: statistic 0, p-value 1.
     *
     * @throws IllegalArgumentException if either sample has no non-missing value
     */
    public static FeatureDrift categorical(String name, List<String> reference, List<String> current,
                                           DriftThresholds t) {
        Map<String, Long> ref = counts(reference);
        Map<String, Long> cur = counts(current);
        long refTotal = ref.values().stream().mapToLong(Long::longValue).sum();
        long curTotal = cur.values().stream().mapToLong(Long::longValue).sum();
        if (refTotal == 0) {
            throw new IllegalArgumentException(emptyMessage(name, "reference"));
        }
        if (curTotal == 0) {
            throw new IllegalArgumentException(emptyMessage(name, "current"));
        }
        // Sorted for a deterministic order of categories.
        TreeSet<String> categories = new TreeSet<>(ref.keySet());
        categories.addAll(cur.keySet());
        int k = categories.size();
        double[] refShare = new double[k];
        double[] curShare = new double[k];
        long[] observed = new long[k];
        int i = 0;
        double refShareSum = 0;
        for (String category : categories) {
            long r = ref.getOrDefault(category, 0L);
            refShare[i] = r == 0 ? EPSILON : (double) r / refTotal;
            refShareSum += refShare[i];
            observed[i] = cur.getOrDefault(category, 0L);
            curShare[i] = (double) observed[i] / curTotal;
            i++;
        }
        double psi = psi(refShare, curShare);
        double statistic;
        double pValue;
        if (k < 2) {
            statistic = 0;
            pValue = 1;
        } else {
            double[] expected = new double[k];
            for (int j = 0; j < k; j++) {
                expected[j] = refShare[j] / refShareSum * curTotal;
            }
            SignificanceResult chi2 = ChiSquareTest.withDefaults().test(expected, observed);
            statistic = chi2.getStatistic();
            pValue = chi2.getPValue();
        }
        return new FeatureDrift(name, "categorical", "chi2", statistic, pValue, psi, refTotal, curTotal,
                pValue < t.alpha());
    }

    /** PSI of the current sample against the reference, binned by reference deciles. */
    static double numericPsi(double[] reference, double[] current) {
        double[] deciles = DECILES.evaluate(reference, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9);
        double[] edges = Arrays.stream(deciles).distinct().toArray(); // already ascending
        double[] refShare = binShares(reference, edges);
        double[] curShare = binShares(current, edges);
        return psi(refShare, curShare);
    }

    // Bin j holds values v with edges[j-1] <= v < edges[j]; bin 0 and bin edges.length are open-ended.
    private static double[] binShares(double[] values, double[] edges) {
        long[] counts = new long[edges.length + 1];
        for (double v : values) {
            int position = Arrays.binarySearch(edges, v);
            int bin = position >= 0 ? position + 1 : -position - 1;
            counts[bin]++;
        }
        double[] shares = new double[counts.length];
        for (int j = 0; j < counts.length; j++) {
            shares[j] = (double) counts[j] / values.length;
        }
        return shares;
    }

    /** Σ (cur − ref) · ln(cur / ref), with empty proportions replaced by {@link #EPSILON}. */
    private static double psi(double[] reference, double[] current) {
        double psi = 0;
        for (int j = 0; j < reference.length; j++) {
            double r = reference[j] == 0 ? EPSILON : reference[j];
            double c = current[j] == 0 ? EPSILON : current[j];
            psi += (c - r) * Math.log(c / r);
        }
        return psi;
    }

    private static double[] present(String name, String side, double[] values) {
        Objects.requireNonNull(values, side);
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        if (present.length < MIN_NUMERIC_VALUES) {
            throw new IllegalArgumentException("feature \"" + name + "\": the " + side + " sample has "
                    + present.length + " non-missing values, the KS test needs " + MIN_NUMERIC_VALUES);
        }
        return present;
    }

    private static Map<String, Long> counts(List<String> values) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String v : values) {
            if (v != null) {
                counts.merge(v, 1L, Long::sum);
            }
        }
        return counts;
    }

    private static String emptyMessage(String name, String side) {
        return "feature \"" + name + "\": the " + side + " sample has no non-missing values";
    }
}
