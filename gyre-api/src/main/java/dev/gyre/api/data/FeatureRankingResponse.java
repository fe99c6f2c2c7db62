package dev.gyre.api.data;

import java.util.List;

/**
 * {@code GET /api/v1/datasets/{name}/versions/{v}/feature-ranking}: the version's columns ranked by relevance to a
 * categorical label, best first.
 *
 * @param method         {@code mim}, {@code jmi}, {@code cmim} or {@code mrmr}
 * @param label          the label column ranked against
 * @param rows           rows the scores were computed on: those with a label, of the sample when there is one
 * @param rowsSkipped    rows of those read left out because their label was missing
 * @param versionRows    rows in the version
 * @param sampled        whether the version had more rows than a ranking reads, so a reproducible sample was ranked
 * @param unit           the unit of the scores, {@code bits}
 * @param discretisation how column values were turned into the discrete values the scores count
 * @param features       the ranked features, {@code k} of them
 */
public record FeatureRankingResponse(String method, String label, long rows, long rowsSkipped, long versionRows,
                                     boolean sampled, String unit, RankingDiscretisation discretisation,
                                     List<RankedFeature> features) {
}
