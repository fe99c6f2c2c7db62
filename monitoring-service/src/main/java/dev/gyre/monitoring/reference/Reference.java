package dev.gyre.monitoring.reference;

import java.util.List;
import java.util.Map;

import dev.gyre.api.data.ColumnSpec;

/**
 * A parsed reference version: its columns (types as data-service declares them) and, per column, the values
 * of its rows. A numeric column's values are doubles ({@code NaN} when missing); a categorical or boolean
 * column's are strings ({@code null} when missing; booleans normalized to "true"/"false").
 */
public record Reference(String dataset, int version, List<ColumnSpec> columns, Map<String, double[]> numeric,
                        Map<String, List<String>> categorical) {
}
