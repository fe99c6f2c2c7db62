package dev.gyre.core.ml;

import java.util.HashMap;
import java.util.Map;

import dev.gyre.core.features.Penguins;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every algorithm's 3-fold metrics on the penguins, seeded, as the catalog gave them before its rewrite into
 * typed parameter specs: the same parameters must build the same trainers, fold after fold (invocation counts
 * included), so the figures must not move. Classification forests are pinned as they are since they take their
 * per-split feature share from each fold's data (a new inner tree trainer per fold, so its random draws start
 * again at the seed).
 */
class AlgorithmCatalogPinnedTest {
    private final AlgorithmCatalog catalog = new AlgorithmCatalog();

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            classification | logistic-regression | epochs=5                               | accuracy | 0.9941774726671753 | f1_macro | 0.9935254592377721
            classification | cart                | maxDepth=4;fractionFeaturesInSplit=0.5 | accuracy | 0.9709127892194253 | f1_macro | 0.9657575199985206
            classification | random-forest       | numTrees=5;maxDepth=4;minChildWeight=5.0;fractionFeaturesInSplit=0.5 | accuracy | 0.9825324180015257 | f1_macro | 0.9801558056751056
            classification | xgboost             | numTrees=5;maxDepth=3;subsample=0.7    | accuracy | 0.9854309687261633 | f1_macro | 0.9836127437106629
            regression     | linear-regression   | ''                                     | r2       | 0.8559099475770301 | rmse     | 301.4088763989276
            regression     | cart                | maxDepth=3;fractionFeaturesInSplit=0.5 | r2       | 0.7965831298458282 | rmse     | 357.9118146830728
            regression     | random-forest       | numTrees=5;maxDepth=3                  | r2       | 0.8243714438314833 | rmse     | 332.940068906088
            regression     | xgboost             | numTrees=5;maxDepth=3;subsample=0.7    | r2       | -0.10429377345180761 | rmse   | 837.1350560306283
            """)
    void givesTheSameKFoldMetricsAsBeforeTheRewrite(String task, String algorithm, String params, String metric,
                                                     double expected, String otherMetric, double otherExpected) {
        Task t = Task.of(task);
        var data = t == Task.CLASSIFICATION ? Penguins.species() : Penguins.bodyMass();
        EvaluationResult result = Evaluation.kfold(catalog.trainer(t, algorithm, parse(params), 42), data, 3, 7);
        assertThat(result.metrics().get(metric)).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
        assertThat(result.metrics().get(otherMetric))
                .isCloseTo(otherExpected, within(1e-9 * Math.max(1, Math.abs(otherExpected))));
    }

    private static Map<String, Object> parse(String params) {
        Map<String, Object> map = new HashMap<>();
        if (!params.isBlank()) {
            for (String kv : params.split(";")) {
                String[] p = kv.split("=");
                map.put(p[0], p[1].contains(".") ? (Object) Double.valueOf(p[1]) : (Object) Integer.valueOf(p[1]));
            }
        }
        return map;
    }
}
