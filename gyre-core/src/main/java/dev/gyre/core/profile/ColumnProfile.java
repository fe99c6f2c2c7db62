package dev.gyre.core.profile;

import dev.gyre.core.table.ColumnType;
import java.util.List;
import java.util.Map;

/**
 * Statistics of one column. {@code count} is the number of present (non-missing, well-typed) values and
 * {@code missing} the rest, so {@code count + missing} is the row count. Numeric fields ({@code mean} to
 * {@code histogram}) are {@code null} for non-numeric columns and {@code topValues} is {@code null} for
 * numeric ones. {@code std} is the sample standard deviation (n − 1), {@code null} with fewer than two
 * values; {@code quantiles} maps {@code p01 … p99} to values. {@code distinctApproximate} says that
 * {@code distinct} is an estimate (counted exactly up to a bound, estimated above it).
 */
public record ColumnProfile(String name, ColumnType type, long count, long missing, long distinct,
                            Double mean, Double std, Double min, Double max,
                            Map<String, Double> quantiles, List<HistogramBin> histogram,
                            List<ValueCount> topValues, boolean distinctApproximate) {
}
