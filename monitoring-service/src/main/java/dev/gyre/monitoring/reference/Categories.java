package dev.gyre.monitoring.reference;

import java.math.BigDecimal;

import dev.gyre.core.table.Table;
import dev.gyre.core.table.Values;

/**
 * One spelling for a categorical value, whether it comes from a CSV cell or a JSON input, so that the
 * reference and the logged inputs are compared category by category.
 */
public final class Categories {
    private Categories() {
    }

    /** A category, or null when the value is missing; booleans become "true"/"false" when {@code bool}. */
    public static String of(Object value, boolean bool) {
        if (value == null) {
            return null;
        }
        if (bool) {
            Boolean b = value instanceof Boolean given ? given : Values.parseBoolean(value.toString());
            return b == null ? null : b.toString();
        }
        if (value instanceof String s) {
            return Table.isMissing(s) ? null : s;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : null;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return null; // objects and arrays are not categories
    }
}
