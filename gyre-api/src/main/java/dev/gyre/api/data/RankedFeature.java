package dev.gyre.api.data;

/**
 * A feature's place in a ranking: rank 1 was picked first; {@code score} is the method's criterion when it was
 * picked, in bits (for {@code mim}, its mutual information with the label).
 */
public record RankedFeature(String name, double score, int rank) {
}
