package dev.gyre.api.monitoring;

/**
 * Which logged predictions an evaluation looks at: the last {@code size} (default 10000), and, when
 * {@code duration} (ISO-8601, e.g. {@code PT24H}) is set, only those logged within it.
 */
public record WindowSpec(Integer size, String duration) {
}
