package dev.gyre.core.curate;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a curated version's rows are split into train, validation (optional) and test, from a recipe's
 * {@code split: {method, fractions:{train, validation?, test}, seed?, column?}}. {@code random} draws rows by a
 * seeded hash of their position; {@code stratified} does so within each value of {@code column} (the label by
 * default), so each class keeps its share within one row; {@code time} orders rows by the date or number in
 * {@code column}: every train row comes no later than the first validation row, and so on.
 */
public record Split(Method method, double train, double validation, double test, long seed, String column) {
    public enum Method { RANDOM, STRATIFIED, TIME }

    public static final String TRAIN = "train";
    public static final String VALIDATION = "validation";
    public static final String TEST = "test";
    public static final Set<String> NAMES = Set.of(TRAIN, VALIDATION, TEST);

    /** The split a recipe's JSON describes; anything wrong is a {@link RecipeException} of op {@code split}. */
    public static Split parse(Object json) {
        if (!(json instanceof Map<?, ?> map)) {
            throw error(null, "recipe.split must be an object {method, fractions:{train, validation?, test}, seed?, "
                    + "column?}");
        }
        for (Object key : map.keySet()) {
            if (!Set.of("method", "fractions", "seed", "column").contains(key)) {
                throw error(null, "unknown split field '" + key + "'");
            }
        }
        Method method = null;
        for (Method m : Method.values()) {
            if (m.name().toLowerCase(Locale.ROOT).equals(map.get("method"))) {
                method = m;
            }
        }
        if (method == null) {
            throw error(null, "split.method must be \"random\", \"stratified\" or \"time\"");
        }
        if (!(map.get("fractions") instanceof Map<?, ?> fractions)) {
            throw error(null, "split.fractions must be an object {train, validation?, test}");
        }
        for (Object key : fractions.keySet()) {
            if (!NAMES.contains(key)) {
                throw error(null, "unknown split fraction '" + key + "'; the splits are train, validation, test");
            }
        }
        double train = fraction(fractions, TRAIN, true);
        double validation = fraction(fractions, VALIDATION, false);
        double test = fraction(fractions, TEST, true);
        double sum = train + validation + test;
        if (Math.abs(sum - 1) > 1e-9) {
            throw error(null, "split.fractions sum to " + sum + ", not 1");
        }
        Object seed = map.get("seed");
        if (seed != null && !(seed instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()))) {
            throw error(null, "split.seed must be a whole number");
        }
        Object column = map.get("column");
        if (column != null && !(column instanceof String s && !s.isEmpty())) {
            throw error(null, "split.column must be a column name");
        }
        if (method == Method.TIME && column == null) {
            throw error(null, "a time split needs split.column, the date column to order rows by");
        }
        return new Split(method, train, validation, test, seed == null ? 0 : ((Number) seed).longValue(),
                (String) column);
    }

    private static double fraction(Map<?, ?> fractions, String name, boolean required) {
        Object value = fractions.get(name);
        if (value == null && !required) {
            return 0;
        }
        if (!(value instanceof Number n) || !(n.doubleValue() > 0 && n.doubleValue() < 1)) {
            throw error(null, "split.fractions." + name + " must be a number between 0 and 1, exclusive");
        }
        return n.doubleValue();
    }

    static RecipeException error(String column, String message) {
        return new RecipeException(null, "split", column, message);
    }
}
