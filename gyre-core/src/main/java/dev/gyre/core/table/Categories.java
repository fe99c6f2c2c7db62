package dev.gyre.core.table;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The one spelling of a categorical value, whether it comes from a CSV cell or a JSON input: training, serving
 * and drift all compare categories through {@link #of}, so {@code " Torgersen"}, {@code "Torgersen"} and a
 * cell {@code "Torgersen "} are one category everywhere.
 */
public final class Categories {
    private Categories() {
    }

    /**
     * A category: a string without surrounding spaces, a boolean as {@code "true"/"false"}, a number as its
     * plain text without trailing zeros (JSON {@code 3} and {@code 3.0} match the cell {@code "3"}).
     *
     * @return null when the value is missing ({@link Table#isMissing}) or not a scalar (an object or array)
     */
    public static String of(Object value) {
        if (value instanceof String s) {
            return Table.isMissing(s) ? null : s.strip();
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof Number n) {
            return numberText(n);
        }
        return null;
    }

    /** A boolean category ({@code "true"/"false"}) from a Boolean or a cell in any case; null otherwise. */
    public static String ofBoolean(Object value) {
        Boolean b = value instanceof Boolean given ? given
                : value instanceof String s ? Values.parseBoolean(s) : null;
        return b == null ? null : b.toString();
    }

    /** Integral numbers as they are, others without trailing zeros; null for a non-finite double. */
    public static String numberText(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte || n instanceof BigInteger) {
            return n.toString();
        }
        if ((n instanceof Double || n instanceof Float) && !Double.isFinite(n.doubleValue())) {
            return null;
        }
        BigDecimal d = n instanceof BigDecimal b ? b
                : n instanceof Float f ? new BigDecimal(f.toString())
                : BigDecimal.valueOf(n.doubleValue());
        return d.stripTrailingZeros().toPlainString();
    }
}
