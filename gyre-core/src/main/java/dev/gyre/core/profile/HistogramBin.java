package dev.gyre.core.profile;

/** One histogram bin: values in {@code [lower, upper)}, or {@code [lower, upper]} for the last bin. */
public record HistogramBin(double lower, double upper, long count) {
}
