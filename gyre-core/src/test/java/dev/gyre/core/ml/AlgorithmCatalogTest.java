package dev.gyre.core.ml;

import dev.gyre.core.features.Penguins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tribuo.Trainer;
import org.tribuo.regression.Regressor;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AlgorithmCatalogTest {
    private final AlgorithmCatalog catalog = new AlgorithmCatalog();

    // Majority class (Adelie) is 152/344 = 0.44 of penguins: every algorithm must do far better.
    @ParameterizedTest
    @CsvSource({
            "logistic-regression, '', 0.97",
            "linear-svm, '', 0.97",
            "svm, '', 0.97",
            "knn, '', 0.95",
            "extra-trees, 'numTrees=50', 0.95",
            "factorization-machine, 'epochs=20', 0.93",
            "cart, 'maxDepth=5', 0.9",
            "random-forest, 'numTrees=20;maxDepth=6', 0.93",
            "xgboost, 'numTrees=20', 0.93"})
    void everyClassificationAlgorithmPredictsPenguinSpeciesFarAboveTheMajorityBaseline(String name, String params,
                                                                                       double minAccuracy) {
        Trainer<?> trainer = catalog.trainer(Task.CLASSIFICATION, name, parse(params), 42);
        EvaluationResult result = Evaluation.holdout(trainer, Penguins.species(), 0.3, 7);
        assertThat(result.metrics()).containsKeys("accuracy", "f1_macro", "precision_macro", "recall_macro");
        assertThat(result.metrics().get("accuracy")).isGreaterThan(minAccuracy);
        assertThat(result.metrics().get("f1_macro")).isGreaterThan(minAccuracy - 0.05);
    }

    // Predicting the mean gives r2 = 0; species, sex and flipper length explain most of body mass.
    @ParameterizedTest
    @CsvSource({
            "linear-regression, ''",
            "knn, ''",
            "extra-trees, 'numTrees=50'",
            "cart, 'maxDepth=4'",
            "random-forest, 'numTrees=20;maxDepth=4'",
            "xgboost, 'numTrees=20;maxDepth=3'"})
    void everyRegressionAlgorithmExplainsMostOfBodyMass(String name, String params) {
        Trainer<?> trainer = catalog.trainer(Task.REGRESSION, name, parse(params), 42);
        EvaluationResult result = Evaluation.holdout(trainer, Penguins.bodyMass(), 0.3, 7);
        assertThat(result.metrics()).containsOnlyKeys("rmse", "mae", "r2");
        assertThat(result.metrics().get("r2")).isGreaterThan(name.equals("linear-regression") ? 0.85 : 0.75);
        assertThat(result.metrics().get("rmse")).isLessThan(450.0); // body mass std is ~800 g
    }

    @Test
    void listsEveryAlgorithmOfBothTasksWithItsHyperparameters() {
        assertThat(catalog.all()).extracting(a -> a.task().json() + ":" + a.name()).containsExactly(
                "classification:logistic-regression", "classification:linear-svm", "classification:svm", "classification:knn", "classification:cart",
                "classification:random-forest", "classification:extra-trees", "classification:xgboost",
                "classification:factorization-machine", "regression:linear-regression", "regression:knn", "regression:cart", "regression:random-forest", "regression:extra-trees",
                "regression:xgboost");
        assertThat(catalog.find(Task.CLASSIFICATION, "svm").orElseThrow().hyperparameters()).containsExactly(
                new Hyperparameter("C", "double", 1.0, "(0, 1000000]"),
                new Hyperparameter("kernel", "string", "rbf", "rbf|linear|poly|sigmoid"),
                new Hyperparameter("gamma", "double", 0.0, "[0, inf)"),
                new Hyperparameter("degree", "int", 3, "[1, 10]"));
        assertThat(catalog.all()).allSatisfy(a -> assertThat(a.complexity()).isBetween(1, 4));
        assertThat(catalog.find(Task.CLASSIFICATION, "logistic-regression").orElseThrow().complexity())
                .isLessThan(catalog.find(Task.CLASSIFICATION, "xgboost").orElseThrow().complexity());
        Algorithm xgboost = catalog.find(Task.CLASSIFICATION, "xgboost").orElseThrow();
        assertThat(xgboost.hyperparameters()).extracting(Hyperparameter::name)
                .containsExactly("numTrees", "maxDepth", "eta", "subsample");
        assertThat(xgboost.hyperparameters().get(2)).isEqualTo(new Hyperparameter("eta", "double", 0.3, "(0, 1]"));
        assertThat(catalog.find(Task.REGRESSION, "logistic-regression")).isEmpty();
        assertThat(catalog.find(Task.REGRESSION, "linear-regression").orElseThrow().hyperparameters()).containsExactly(
                new Hyperparameter("alpha", "double", 0.01, "[0, inf)"),
                new Hyperparameter("l1Ratio", "double", 0.5, "[0.01, 1]"),
                new Hyperparameter("maxIterations", "int", 1000, "[1, 100000]"));
    }

    // Tribuo 4.3.2's SparseLinearModel with no non-zero weight predicts the mean plus one
    @Test
    void aLinearRegressionThatSelectsNoFeaturePredictsTheTrainingMean() {
        var data = Penguins.bodyMass();
        double mean = 0;
        for (var example : data) {
            mean += example.getOutput().getValues()[0] / data.size();
        }
        Trainer<?> trainer = catalog.trainer(Task.REGRESSION, "linear-regression", Map.of("alpha", 10, "l1Ratio", 1), 1);
        var model = (org.tribuo.Model<Regressor>) Evaluation.train(trainer, data);
        for (var prediction : model.predict(data)) {
            assertThat(prediction.getOutput().getValues()[0]).isCloseTo(mean, within(1e-6));
        }
    }

    @Test
    void writesHyperparameterDefaultsUnderTheJsonNameDefault() {
        String json = JsonMapper.builder().build().writeValueAsString(
                catalog.find(Task.CLASSIFICATION, "cart").orElseThrow());
        assertThat(json).contains("\"task\":\"classification\"")
                .contains("{\"name\":\"maxDepth\",\"type\":\"int\",\"default\":10,\"range\":\"[1, 100]\"}")
                .contains("\"default\":\"gini\",\"range\":\"gini|entropy\"");
    }

    @Test
    void resolvesDefaultsAndAcceptsJsonNumberTypes() {
        Map<String, Object> params = Map.of("numTrees", 20L, "maxDepth", 4.0, "eta", 1);
        assertThat(catalog.resolve(Task.REGRESSION, "xgboost", params))
                .containsExactly(Map.entry("numTrees", 20), Map.entry("maxDepth", 4), Map.entry("eta", 1.0),
                        Map.entry("subsample", 1.0));
        assertThat(catalog.trainer(Task.REGRESSION, "xgboost", params, 1)).isNotNull();
    }

    @Test
    void rejectsUnknownWrongTypedAndOutOfRangeHyperparametersNamingThem() {
        assertThatThrownBy(() -> catalog.trainer(Task.CLASSIFICATION, "cart", Map.of("depth", 3), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'depth'");
        assertThatThrownBy(() -> catalog.trainer(Task.CLASSIFICATION, "cart", Map.of("maxDepth", "3"), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'maxDepth' must be an integer");
        assertThatThrownBy(() -> catalog.trainer(Task.CLASSIFICATION, "cart", Map.of("maxDepth", 2.5), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'maxDepth' must be an integer");
        assertThatThrownBy(() -> catalog.trainer(Task.CLASSIFICATION, "cart", Map.of("maxDepth", 0), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'maxDepth' must be in [1, 100]");
        assertThatThrownBy(() -> catalog.trainer(Task.CLASSIFICATION, "xgboost", Map.of("eta", 0), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'eta' must be in (0, 1]");
        assertThatThrownBy(() -> catalog.trainer(Task.CLASSIFICATION, "xgboost", Map.of("eta", true), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'eta' must be a number");
        assertThatThrownBy(() -> catalog.trainer(Task.CLASSIFICATION, "random-forest",
                Map.of("fractionFeaturesInSplit", 1.0), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'fractionFeaturesInSplit' must be in [0, 1)");
        assertThatThrownBy(() -> catalog.trainer(Task.CLASSIFICATION, "cart", Map.of("impurity", "mse"), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'impurity' must be one of gini|entropy");
        assertThatThrownBy(() -> catalog.trainer(Task.REGRESSION, "linear-regression", Map.of("alpha", -0.1), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'alpha' must be in [0, inf)");
        assertThatThrownBy(() -> catalog.trainer(Task.REGRESSION, "linear-regression", Map.of("l1Ratio", 0), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'l1Ratio' must be in [0.01, 1]");
        assertThatThrownBy(() -> catalog.trainer(Task.REGRESSION, "linear-svm", Map.of(), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'linear-svm'");
    }

    @Test
    void givesXGBoostTheConfiguredThreadCount() {
        assertThat(catalog.trainer(Task.CLASSIFICATION, "xgboost", Map.of(), 1).toString())
                .contains("nthread=" + AlgorithmCatalog.DEFAULT_XGBOOST_THREADS);
        AlgorithmCatalog three = new AlgorithmCatalog(3);
        assertThat(three.trainer(Task.CLASSIFICATION, "xgboost", Map.of(), 1).toString()).contains("nthread=3");
        assertThat(three.trainer(Task.REGRESSION, "xgboost", Map.of(), 1).toString()).contains("nthread=3");
        assertThatThrownBy(() -> new AlgorithmCatalog(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 thread");
    }

    private static Map<String, Object> parse(String params) {
        Map<String, Object> map = new HashMap<>();
        if (!params.isBlank()) {
            for (String kv : params.split(";")) {
                String[] p = kv.split("=");
                map.put(p[0], Integer.valueOf(p[1]));
            }
        }
        return map;
    }
}
