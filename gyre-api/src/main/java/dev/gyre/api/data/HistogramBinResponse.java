package dev.gyre.api.data;

/** Values in {@code [lower, upper)}, or {@code [lower, upper]} for the last bin. */
public record HistogramBinResponse(double lower, double upper, long count) {
}
