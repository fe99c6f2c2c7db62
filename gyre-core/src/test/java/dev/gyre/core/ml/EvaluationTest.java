package dev.gyre.core.ml;

import dev.gyre.core.features.Penguins;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluationTest {
    private final AlgorithmCatalog catalog = new AlgorithmCatalog();

    @Test
    void averagesMetricsOverFolds() {
        var trainer = catalog.trainer(Task.CLASSIFICATION, "cart", Map.of("maxDepth", 4), 3);
        var data = Penguins.species();

        EvaluationResult kfold = Evaluation.kfold(trainer, data, 5, 11);

        assertThat(kfold.metrics()).containsOnlyKeys("accuracy", "f1_macro", "precision_macro", "recall_macro");
        assertThat(kfold.metrics().get("accuracy")).isBetween(0.9, 1.0);
        assertThat(kfold.durationMs()).isGreaterThanOrEqualTo(0);
        // the same seed gives the same folds and the same trees
        assertThat(Evaluation.kfold(trainer, data, 5, 11).metrics()).isEqualTo(kfold.metrics());
    }

    @Test
    void kfoldOfLinearRegressionOnBodyMassExplainsMostVariance() {
        var trainer = catalog.trainer(Task.REGRESSION, "linear-regression", Map.of(), 3);
        assertThat(Evaluation.kfold(trainer, Penguins.bodyMass(), 5, 11).metrics().get("r2")).isGreaterThan(0.8);
    }

    @Test
    void rejectsImpossibleSplits() {
        var trainer = catalog.trainer(Task.CLASSIFICATION, "cart", Map.of(), 3);
        var data = Penguins.species();
        assertThatThrownBy(() -> Evaluation.holdout(trainer, data, 1.0, 1)).hasMessageContaining("testFraction");
        assertThatThrownBy(() -> Evaluation.kfold(trainer, data, 1, 1)).hasMessageContaining("folds");
    }
}
