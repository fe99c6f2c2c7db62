package dev.gyre.core.rank;

/**
 * A ranked feature: its score under the method, in bits, and its rank (1 = picked first). For MIM the score is
 * I(X;Y); for the others it is the criterion's value when the feature was picked, so it need not fall with rank.
 */
public record FeatureScore(String name, double score, int rank) {
}
