package dev.gyre.core.rank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.gyre.core.table.Categories;

/**
 * How Gyre turns a column into the small integer codes the information-theoretic scores count, one code per
 * distinct value of the discretised column (codes start at 1):
 * <ul>
 *   <li>numeric: {@value #NUMERIC_BINS} equal-width bins over the column's present values, {@code [min, max]}; a
 *       bin holds {@code [lo, hi)}, the last also its upper edge; a constant column is one bin;</li>
 *   <li>categorical and boolean: each category its own code (spelled as {@link Categories#of} spells it); beyond the
 *       {@value #MAX_CATEGORIES} most frequent (ties by text), the rest share one code "other";</li>
 *   <li>missing: a code of its own, so that a value being missing counts as what it tells.</li>
 * </ul>
 * A feature therefore has at most {@link #MAX_CODES} codes.
 */
public final class Discretisation {
    /** Equal-width bins of a numeric column. */
    public static final int NUMERIC_BINS = 10;
    /** Categories of a column that keep a code of their own; the rest share one. */
    public static final int MAX_CATEGORIES = 50;
    /** The most codes a column can have: its categories, "other" and missing. */
    public static final int MAX_CODES = MAX_CATEGORIES + 2;

    private Discretisation() {
    }

    /** The column's codes for the rows in {@code rows}, in that order. */
    static int[] codes(FeatureColumn column, int[] rows) {
        if (column instanceof FeatureColumn.Numeric numeric) {
            return numeric(numeric.values(), rows);
        }
        return categorical(((FeatureColumn.Categorical) column).values(), rows);
    }

    static int[] numeric(double[] values, int[] rows) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int row : rows) {
            double v = values[row];
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double width = (max - min) / NUMERIC_BINS;
        int missing = NUMERIC_BINS + 1;
        int[] codes = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double v = values[rows[i]];
            if (Double.isNaN(v)) {
                codes[i] = missing;
            } else if (!(width > 0)) {
                codes[i] = 1;
            } else {
                codes[i] = 1 + (int) Math.min(NUMERIC_BINS - 1, Math.floor((v - min) / width));
            }
        }
        return codes;
    }

    static int[] categorical(List<String> values, int[] rows) {
        String[] categories = new String[rows.length];
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < rows.length; i++) {
            categories[i] = Categories.of(values.get(rows[i]));
            if (categories[i] != null) {
                counts.merge(categories[i], 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> byCount = new ArrayList<>(counts.entrySet());
        byCount.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> code = new HashMap<>();
        for (int i = 0; i < Math.min(MAX_CATEGORIES, byCount.size()); i++) {
            code.put(byCount.get(i).getKey(), i + 1);
        }
        int other = MAX_CATEGORIES + 1;
        int missing = MAX_CATEGORIES + 2;
        int[] codes = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            codes[i] = categories[i] == null ? missing : code.getOrDefault(categories[i], other);
        }
        return codes;
    }
}
