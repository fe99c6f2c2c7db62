package dev.gyre.core.ml;

import dev.gyre.core.features.FeatureEncoder;
import dev.gyre.core.features.FeatureSpec;
import dev.gyre.core.features.Penguins;
import dev.gyre.core.table.Table;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.baseline.DummyRegressionTrainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MetricsTest {

    /*
     * truth A A A B B C, predicted A A B B C C:
     *   A: tp 2 fp 0 fn 1 -> P 1,   R 2/3, F1 0.8
     *   B: tp 1 fp 1 fn 1 -> P 1/2, R 1/2, F1 0.5
     *   C: tp 1 fp 1 fn 0 -> P 1/2, R 1,   F1 2/3
     * accuracy 4/6; macro P 2/3, macro R 13/18, macro F1 (0.8 + 0.5 + 2/3) / 3 = 59/90
     */
    @Test
    void computesClassificationMetricsOfAHandCheckedConfusionMatrix() {
        String[] truth = {"A", "A", "A", "B", "B", "C"};
        String[] predicted = {"A", "A", "B", "B", "C", "C"};
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("hand", factory), factory);
        for (String t : truth) {
            data.add(new ArrayExample<>(new Label(t), new String[] {"x"}, new double[] {1}));
        }
        Model<Label> model = DummyClassifierTrainer.createMostFrequentTrainer().train(data);
        List<Prediction<Label>> predictions = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            predictions.add(new Prediction<>(new Label(predicted[i]), 1, data.getExample(i)));
        }

        Map<String, Double> metrics = Metrics.compute(model, predictions, data.getProvenance());

        assertThat(metrics).containsOnlyKeys("accuracy", "f1_macro", "precision_macro", "recall_macro");
        assertThat(metrics.get("accuracy")).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(metrics.get("f1_macro")).isCloseTo(59.0 / 90, within(1e-12));
        assertThat(metrics.get("precision_macro")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(metrics.get("recall_macro")).isCloseTo(13.0 / 18, within(1e-12));
    }

    // truth 1 2 3 4, predicted 1 2 3 5: rmse sqrt(1/4), mae 1/4, r2 1 - 1/5 (total sum of squares 5)
    @Test
    void computesRegressionMetricsOfAHandCheckedCase() {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("hand", factory), factory);
        double[] truth = {1, 2, 3, 4};
        double[] predicted = {1, 2, 3, 5};
        for (double t : truth) {
            data.add(new ArrayExample<>(new Regressor("DIM-0", t), new String[] {"x"}, new double[] {t}));
        }
        Model<Regressor> model = DummyRegressionTrainer.createMeanTrainer().train(data);
        List<Prediction<Regressor>> predictions = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            predictions.add(new Prediction<>(new Regressor("DIM-0", predicted[i]), 1, data.getExample(i)));
        }

        Map<String, Double> metrics = Metrics.compute(model, predictions, data.getProvenance());

        assertThat(metrics).containsOnlyKeys("rmse", "mae", "r2");
        assertThat(metrics.get("rmse")).isCloseTo(0.5, within(1e-12));
        assertThat(metrics.get("mae")).isCloseTo(0.25, within(1e-12));
        assertThat(metrics.get("r2")).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void reportsAucOnlyForABinaryTaskWithAProbabilisticModel() {
        var speciesData = Penguins.species();
        Table table = new Table(Penguins.TABLE.header(),
                Penguins.TABLE.rows().stream().filter(r -> !"Chinstrap".equals(r[0])).toList());
        var binary = FeatureEncoder.of(FeatureSpec.fit(table, Penguins.SCHEMA, "Species", Task.CLASSIFICATION))
                .dataset(table, "adelie-or-gentoo").dataset();
        var catalog = new AlgorithmCatalog();

        var logistic = Evaluation.holdout(catalog.trainer(Task.CLASSIFICATION, "logistic-regression", Map.of(), 1), binary, 0.3, 1);
        var cart = Evaluation.holdout(catalog.trainer(Task.CLASSIFICATION, "cart", Map.of("maxDepth", 3), 1), binary, 0.3, 1);
        var multiclass = Evaluation.holdout(catalog.trainer(Task.CLASSIFICATION, "logistic-regression", Map.of(), 1), speciesData, 0.3, 1);

        assertThat(logistic.metrics().get("auc")).isGreaterThan(0.99).isLessThanOrEqualTo(1.0);
        assertThat(cart.metrics()).doesNotContainKey("auc");
        assertThat(multiclass.metrics()).doesNotContainKey("auc");
    }

    @Test
    void namesMetricsPerTaskWithTheirDirection() {
        assertThat(Metrics.forTask(Task.CLASSIFICATION))
                .containsExactly("accuracy", "f1_macro", "precision_macro", "recall_macro", "auc");
        assertThat(Metrics.forTask(Task.REGRESSION)).containsExactly("rmse", "mae", "r2");
        assertThat(Metrics.higherIsBetter("f1_macro")).isTrue();
        assertThat(Metrics.higherIsBetter("r2")).isTrue();
        assertThat(Metrics.higherIsBetter("rmse")).isFalse();
        assertThat(Metrics.isBetter("mae", 1.0, 2.0)).isTrue();
        assertThatThrownBy(() -> Metrics.higherIsBetter("logloss")).hasMessageContaining("'logloss'");
        assertThatThrownBy(() -> Metrics.validate("rmse", Task.CLASSIFICATION))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'rmse'");
        Metrics.validate("auc", Task.CLASSIFICATION);
    }
}
