package dev.gyre.api.data;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Statistics of one column; {@code type} is "numeric", "categorical" or "boolean". {@code count} is the number
 * of present values and {@code missing} the rest. Numeric columns carry {@code mean, std} (sample, n − 1),
 * {@code min, max}, {@code quantiles} (p01 … p99) and {@code histogram}; others carry {@code topValues}.
 * {@code distinct} is exact unless {@code distinctApproximate} is true (then an estimate: high-cardinality columns
 * are counted by HyperLogLog). Absent statistics are omitted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnProfileResponse(String name, String type, long count, long missing, long distinct,
                                    Double mean, Double std, Double min, Double max,
                                    Map<String, Double> quantiles, List<HistogramBinResponse> histogram,
                                    List<ValueCountResponse> topValues, Boolean distinctApproximate) {
}
