package dev.gyre.core.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.gyre.core.features.Penguins;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same algorithm, parameters and seed give the same evaluation, fold by fold, and a final model that predicts
 * identically, label and every score, as a training job does it: a fresh catalog each time, k folds, then the
 * final fit on all rows with the same trainer. XGBoost runs with two threads, as training-service gives it.
 */
class ReproducibilityTest {

    static List<Object[]> algorithms() {
        List<Object[]> cases = new ArrayList<>();
        for (Algorithm a : new AlgorithmCatalog().all()) {
            cases.add(new Object[] {a.task(), a.name()});
        }
        return cases;
    }

    private record Outcome(EvaluationResult evaluation, List<String> predictions) {
    }

    private static Outcome train(Task task, String algorithm) {
        Map<String, Object> params = small(algorithm);
        AlgorithmCatalog catalog = new AlgorithmCatalog(2);
        var trainer = catalog.trainer(task, algorithm, params, 1234);
        Dataset<?> data = task == Task.CLASSIFICATION ? Penguins.species() : Penguins.bodyMass();
        EvaluationResult evaluation = task == Task.CLASSIFICATION
                ? Evaluation.stratifiedKfold(trainer, data, 3, 1234) : Evaluation.kfold(trainer, data, 3, 1234);
        Model<?> model = Evaluation.train(trainer, data);
        List<String> predictions = new ArrayList<>();
        for (Example<?> example : data) {
            predictions.add(describe(predict(model, example)));
        }
        return new Outcome(evaluation, predictions);
    }

    // few trees and epochs: the test is about sameness, not accuracy
    private static Map<String, Object> small(String algorithm) {
        return switch (algorithm) {
            case "random-forest", "extra-trees", "xgboost" -> Map.of("numTrees", 10);
            case "logistic-regression", "factorization-machine" -> Map.of("epochs", 5);
            default -> Map.of();
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Prediction<?> predict(Model model, Example example) {
        return model.predict(example);
    }

    private static String describe(Prediction<?> prediction) {
        // every output with its score, in the model's order, to the last bit
        StringBuilder s = new StringBuilder(prediction.getOutput().getSerializableForm(true));
        prediction.getOutputScores().forEach((name, output) -> s.append('|').append(name).append('=')
                .append(output.getSerializableForm(true)));
        return s.toString();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("algorithms")
    void sameSpecAndSeedGiveTheSameFoldsAndAModelThatPredictsIdentically(Task task, String algorithm) {
        Outcome first = train(task, algorithm);
        Outcome second = train(task, algorithm);
        assertThat(second.evaluation().metrics()).isEqualTo(first.evaluation().metrics());
        assertThat(second.evaluation().folds()).hasSize(3).isEqualTo(first.evaluation().folds());
        assertThat(second.predictions()).isEqualTo(first.predictions());
    }
}
