package dev.gyre.core.features;

import dev.gyre.core.ml.Task;
import dev.gyre.core.table.Column;
import dev.gyre.core.table.ColumnType;
import dev.gyre.core.table.Table;
import dev.gyre.core.table.TableSchema;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.gyre.core.features.FeatureSpecTest.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

class FeatureEncoderTest {
    // x: numeric, sometimes missing (mean 2); c: categorical, always present; b: boolean, sometimes missing
    // (mode true); code: categorical of numbers; label y
    private static final Table TABLE = table(new String[] {"x", "c", "b", "code", "y"},
            new String[] {"1", "red", "true", "3", "yes"},
            new String[] {"3", "blue", "TRUE", "7", "no"},
            new String[] {null, "red", null, "3", "yes"},
            new String[] {"2", "red", "false", "3", null});
    private static final TableSchema SCHEMA = new TableSchema(List.of(
            new Column("x", ColumnType.NUMERIC, true), new Column("c", ColumnType.CATEGORICAL, false),
            new Column("b", ColumnType.BOOLEAN, true), new Column("code", ColumnType.CATEGORICAL, false),
            new Column("y", ColumnType.CATEGORICAL, true)));
    private static final FeatureSpec SPEC = FeatureSpec.fit(TABLE, SCHEMA, "y", Task.CLASSIFICATION);
    private static final FeatureEncoder<Label> ENCODER = FeatureEncoder.classification(SPEC);

    @Test
    void learnsMeanModeAndRequiredFromRowsWithALabel() {
        // the 4th row has no label, so x's mean is (1 + 3) / 2 and it still counts as sometimes missing
        assertThat(SPEC.fields()).containsExactly(
                new FeatureField("x", FeatureKind.NUMERIC, false, 2.0, null, List.of()),
                new FeatureField("c", FeatureKind.CATEGORICAL, true, null, "red", List.of("blue", "red")),
                new FeatureField("b", FeatureKind.BOOLEAN, false, null, "true", List.of()),
                new FeatureField("code", FeatureKind.CATEGORICAL, true, null, "3", List.of("3", "7")));
        assertThat(SPEC.labels()).containsExactly("no", "yes");
    }

    @Test
    void namesFeaturesAfterFieldsWithOneHotCategories() {
        Example<Label> example = ENCODER.example(Map.of("x", 5, "c", "blue", "b", false, "code", "7"));
        assertThat(features(example)).containsOnly(entry("x", 5.0), entry("c=blue", 1.0), entry("c=red", 0.0),
                entry("b", 0.0), entry("code=3", 0.0), entry("code=7", 1.0));
    }

    @Test
    void imputesMissingNumericWithTrainingMean() {
        Map<String, Object> nullX = new HashMap<>(Map.of("c", "red", "b", true, "code", "3"));
        nullX.put("x", null);
        assertThat(features(ENCODER.example(Map.of("c", "red", "b", true, "code", "3")))).containsEntry("x", 2.0);
        assertThat(features(ENCODER.example(nullX))).containsEntry("x", 2.0);
    }

    @Test
    void imputesMissingBooleanWithTrainingMode() {
        assertThat(features(ENCODER.example(Map.of("x", 1, "c", "red", "code", "3")))).containsEntry("b", 1.0);
    }

    @Test
    void imputesTheSameWayInTrainingAsInServing() {
        var dataset = ENCODER.dataset(TABLE, "t");
        assertThat(dataset.rowsSkipped()).isEqualTo(1);
        // row 3 (x and b missing) as stored for training and as a JSON record for serving
        Example<Label> trained = dataset.dataset().getExample(2);
        Example<Label> served = ENCODER.example(Map.of("c", "red", "code", 3));
        assertThat(features(served)).isEqualTo(features(trained)).containsEntry("x", 2.0).containsEntry("b", 1.0);
        assertThat(trained.getOutput()).isEqualTo(new Label("yes"));
    }

    @Test
    void encodesAnUnseenCategoryAsAllZeros() {
        Example<Label> example = ENCODER.example(Map.of("x", 1, "c", "green", "b", true, "code", "3"));
        assertThat(features(example)).containsEntry("c=blue", 0.0).containsEntry("c=red", 0.0)
                .doesNotContainKey("c=green");
    }

    @Test
    void acceptsNumbersAndBooleansForCategoricalFieldsAsTheirText() {
        for (Object code : List.of(7, 7L, 7.0, "7", " 7 ")) {
            assertThat(features(ENCODER.example(Map.of("c", "red", "code", code)))).as("code %s", code)
                    .containsEntry("code=7", 1.0);
        }
        assertThat(dev.gyre.core.table.Categories.numberText(2.5)).isEqualTo("2.5");
        assertThat(dev.gyre.core.table.Categories.numberText(1e20)).isEqualTo("100000000000000000000");
        assertThat(features(ENCODER.example(Map.of("c", true, "code", 3)))).containsEntry("c=red", 0.0);
    }

    @Test
    void ignoresTheLabelFieldInARecord() {
        assertThat(features(ENCODER.example(Map.of("c", "red", "code", "3", "y", "yes"))))
                .isEqualTo(features(ENCODER.example(Map.of("c", "red", "code", "3"))));
    }

    @Test
    void rejectsAnUnknownField() {
        assertThat(errors(Map.of("c", "red", "code", "3", "colour", "red")))
                .containsExactly(new FieldError(null, "colour", "unknown field"));
    }

    @Test
    void rejectsValuesOfTheWrongJsonType() {
        assertThat(errors(Map.of("x", "5", "c", "red", "code", "3")))
                .containsExactly(new FieldError(null, "x", "expected a number, got a string"));
        assertThat(errors(Map.of("x", true, "c", "red", "code", "3")))
                .containsExactly(new FieldError(null, "x", "expected a number, got a boolean"));
        assertThat(errors(Map.of("x", Map.of(), "c", "red", "code", "3")))
                .containsExactly(new FieldError(null, "x", "expected a number, got an object"));
        assertThat(errors(Map.of("b", "true", "c", "red", "code", "3")))
                .containsExactly(new FieldError(null, "b", "expected a boolean, got a string"));
        assertThat(errors(Map.of("b", 1, "c", "red", "code", "3")))
                .containsExactly(new FieldError(null, "b", "expected a boolean, got a number"));
        assertThat(errors(Map.of("c", Map.of("v", "red"), "code", "3")))
                .containsExactly(new FieldError(null, "c", "expected a string, got an object"));
        assertThat(errors(Map.of("c", List.of("red"), "code", "3")))
                .containsExactly(new FieldError(null, "c", "expected a string, got an array"));
    }

    @Test
    void rejectsARequiredFieldThatIsAbsentOrNull() {
        Map<String, Object> nullC = new HashMap<>(Map.of("code", "3"));
        nullC.put("c", null);
        assertThat(errors(Map.of("code", "3"))).containsExactly(new FieldError(null, "c", "required field is missing"));
        assertThat(errors(nullC)).containsExactly(new FieldError(null, "c", "required field is null"));
    }

    @Test
    void rejectsARequiredFieldWhoseStringIsAMissingValueAsForNull() {
        for (String missing : List.of("", "  ", "NA", "n/a", "null", "NaN")) {
            List<FieldError> errors = errors(Map.of("c", missing, "code", "3"));
            assertThat(errors).as("c = '%s'", missing).hasSize(1);
            assertThat(errors.get(0).field()).isEqualTo("c");
            assertThat(errors.get(0).message()).startsWith("required field is null");
            assertThat(Table.isMissing(missing)).as("the CSV reader's rule").isTrue();
        }
    }

    @Test
    void readsAMissingValueStringInAnOptionalFieldAsATrainingCellIsRead() {
        // row 3 of the training table has x and b missing; the same record with "" and "NA" encodes identically
        Example<Label> trained = ENCODER.dataset(TABLE, "t").dataset().getExample(2);
        Example<Label> served = ENCODER.example(Map.of("x", "", "c", "red", "b", "NA", "code", "3"));
        assertThat(features(served)).isEqualTo(features(trained)).containsEntry("x", 2.0).containsEntry("b", 1.0);
    }

    @Test
    void collectsEveryErrorOfEveryInstanceWithItsIndex() {
        Map<String, Object> good = Map.of("c", "red", "code", "3");
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("x", "heavy");
        bad.put("b", "yes");
        bad.put("extra", 1);

        var e = catchThrowableOfType(FeatureValidationException.class,
                () -> ENCODER.examples(List.of(good, good, bad)));

        assertThat(e.errors()).extracting(FieldError::toString).containsExactlyInAnyOrder(
                "instances[2].extra: unknown field",
                "instances[2].x: expected a number, got a string",
                "instances[2].b: expected a boolean, got a string",
                "instances[2].c: required field is missing",
                "instances[2].code: required field is missing");
        assertThat(e).hasMessageContaining("instances[2].x: expected a number");
        assertThat(ENCODER.examples(List.of(good, good))).hasSize(2);
    }

    @Test
    void refusesAnEncoderForTheOtherTask() {
        assertThatThrownBy(() -> FeatureEncoder.regression(SPEC)).hasMessageContaining("classification");
    }

    private static List<FieldError> errors(Map<String, ?> record) {
        return catchThrowableOfType(FeatureValidationException.class, () -> ENCODER.example(record)).errors();
    }

    private static Map<String, Double> features(Example<?> example) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (Feature f : example) {
            map.put(f.getName(), f.getValue());
        }
        return map;
    }
}
