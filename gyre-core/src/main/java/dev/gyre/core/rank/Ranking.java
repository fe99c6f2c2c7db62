package dev.gyre.core.rank;

import java.util.List;

/**
 * The features ranked, best first.
 *
 * @param rows        rows the scores were computed on (those with a label)
 * @param rowsSkipped rows left out because their label was missing
 */
public record Ranking(RankingMethod method, int rows, int rowsSkipped, List<FeatureScore> features) {
    public Ranking {
        features = List.copyOf(features);
    }
}
