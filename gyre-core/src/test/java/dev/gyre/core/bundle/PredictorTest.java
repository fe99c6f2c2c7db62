package dev.gyre.core.bundle;

import dev.gyre.core.features.FeatureValidationException;
import dev.gyre.core.features.FieldError;
import dev.gyre.core.features.Penguins;
import dev.gyre.core.ml.Task;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

class PredictorTest {
    private static final Predictor SPECIES = new Predictor(ModelBundlesTest.trained(Task.CLASSIFICATION, "logistic-regression", ""));

    @Test
    void predictsSpeciesWithScoresInClassOrder() {
        // rows 0, 200 and 300 are an Adelie, a Chinstrap and a Gentoo
        List<Map<String, Object>> instances = List.of(Penguins.record(0, "Species"),
                Penguins.record(200, "Species"), Penguins.record(300, "Species"));

        List<Prediction> predictions = SPECIES.predict(instances);

        assertThat(predictions).extracting(Prediction::label).containsExactly(
                Penguins.TABLE.cell(0, 0), Penguins.TABLE.cell(200, 0), Penguins.TABLE.cell(300, 0));
        assertThat(List.of(Penguins.TABLE.cell(0, 0), Penguins.TABLE.cell(200, 0), Penguins.TABLE.cell(300, 0)))
                .containsExactly("Adelie", "Chinstrap", "Gentoo");
        Prediction first = predictions.get(0);
        assertThat(first.value()).isNull();
        assertThat(first.scores().keySet()).containsExactly("Adelie", "Chinstrap", "Gentoo");
        assertThat(first.scores().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(first.scores().get("Adelie")).isGreaterThan(0.8);
    }

    @Test
    void predictsBodyMassAsAValue() {
        Predictor predictor = new Predictor(ModelBundlesTest.trained(Task.REGRESSION, "linear-regression", ""));
        Prediction p = predictor.predict(List.of(Penguins.record(0, Penguins.BODY_MASS))).get(0);
        assertThat(p.label()).isNull();
        assertThat(p.scores()).isNull();
        assertThat(p.value()).isCloseTo(3750.0, within(500.0)); // row 0 weighs 3750 g
    }

    @Test
    void givesNoScoresForAModelWithoutProbabilities() {
        Predictor cart = new Predictor(ModelBundlesTest.trained(Task.CLASSIFICATION, "cart", "maxDepth=4"));
        Prediction p = cart.predict(List.of(Penguins.record(0, "Species"))).get(0);
        assertThat(p.label()).isEqualTo("Adelie");
        assertThat(p.scores()).isNull();
    }

    @Test
    void reportsEveryInvalidInstanceByIndexBeforePredictingAny() {
        Map<String, Object> good = Penguins.record(0, "Species");
        Map<String, Object> badMass = new java.util.HashMap<>(good);
        badMass.put("Body Mass (g)", "heavy");
        Map<String, Object> noIsland = new java.util.HashMap<>(good);
        noIsland.remove("Island");

        var e = catchThrowableOfType(FeatureValidationException.class,
                () -> SPECIES.predict(List.of(good, good, badMass, noIsland)));

        assertThat(e.errors()).containsExactly(
                new FieldError(2, "Body Mass (g)", "expected a number, got a string"),
                new FieldError(3, "Island", "required field is missing"));
        assertThat(e.errors().get(0).toString()).isEqualTo("instances[2].Body Mass (g): expected a number, got a string");
    }

    @Test
    void predictsNothingForNoInstances() {
        assertThat(SPECIES.predict(List.of())).isEmpty();
    }
}
