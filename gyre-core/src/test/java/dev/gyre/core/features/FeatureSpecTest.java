package dev.gyre.core.features;

import dev.gyre.core.ml.Task;
import dev.gyre.core.table.Column;
import dev.gyre.core.table.ColumnType;
import dev.gyre.core.table.Table;
import dev.gyre.core.table.TableSchema;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.Label;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FeatureSpecTest {

    @Test
    void fitsPenguinFieldsWithKindsImputationValuesAndClasses() {
        FeatureSpec spec = Penguins.speciesSpec();

        assertThat(spec.label()).isEqualTo("Species");
        assertThat(spec.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(spec.labels()).containsExactly("Adelie", "Chinstrap", "Gentoo");
        assertThat(spec.fields()).extracting(FeatureField::name).containsExactly("Island", "Beak Length (mm)",
                "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)", "Sex");
        assertThat(spec.field("Island").orElseThrow()).isEqualTo(new FeatureField("Island", FeatureKind.CATEGORICAL,
                true, null, "Biscoe", List.of("Biscoe", "Dream", "Torgersen")));
        FeatureField beak = spec.field("Beak Length (mm)").orElseThrow();
        assertThat(beak.kind()).isEqualTo(FeatureKind.NUMERIC);
        assertThat(beak.required()).isFalse();
        assertThat(beak.mean()).isCloseTo(43.9219298246, within(1e-9)); // 342 present values
        // 168 MALE, 165 FEMALE, 1 "." and 10 missing
        assertThat(spec.field("Sex").orElseThrow()).isEqualTo(new FeatureField("Sex", FeatureKind.CATEGORICAL,
                false, null, "MALE", List.of(".", "FEMALE", "MALE")));
    }

    @Test
    void roundTripsThroughJsonExactly() {
        JsonMapper json = JsonMapper.builder().build();
        FeatureSpec spec = Penguins.speciesSpec();

        String text = json.writeValueAsString(spec);

        assertThat(json.readValue(text, FeatureSpec.class)).isEqualTo(spec);
        assertThat(text).contains("\"task\":\"classification\"").contains("\"kind\":\"numeric\"")
                .contains("\"kind\":\"categorical\"");
        FeatureSpec regression = Penguins.bodyMassSpec();
        assertThat(json.readValue(json.writeValueAsString(regression), FeatureSpec.class)).isEqualTo(regression);
    }

    @Test
    void skipsRowsWithAMissingLabelAndCountsThem() {
        TrainingData<?> data = FeatureEncoder.of(Penguins.bodyMassSpec()).dataset(Penguins.TABLE, "penguins");

        assertThat(data.rowsUsed()).isEqualTo(342);
        assertThat(data.rowsSkipped()).isEqualTo(2);
        assertThat(data.dataset().size()).isEqualTo(342);
        assertThat(data.dataset().getSourceProvenance().toString()).contains("penguins");
    }

    @Test
    void keepsClassLabelTextAsWritten() {
        var data = Penguins.species();
        assertThat(data.getOutputs()).containsExactlyInAnyOrder(new Label("Adelie"), new Label("Chinstrap"), new Label("Gentoo"));
        assertThat(data.getOutputInfo().getDomain()).extracting(Label::getLabel).contains("Adelie");
    }

    @Test
    void takesAnExplicitFeatureList() {
        FeatureSpec spec = FeatureSpec.fit(Penguins.TABLE, Penguins.SCHEMA, "Species", Task.CLASSIFICATION,
                List.of("Flipper Length (mm)", "Island"));
        assertThat(spec.fields()).extracting(FeatureField::name).containsExactly("Flipper Length (mm)", "Island");
    }

    @Test
    void rejectsAMissingLabelColumnNamingIt() {
        assertThatThrownBy(() -> FeatureSpec.fit(Penguins.TABLE, Penguins.SCHEMA, "Wingspan", Task.CLASSIFICATION))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Wingspan'");
        assertThatThrownBy(() -> FeatureSpec.fit(Penguins.TABLE, Penguins.SCHEMA, "Species", Task.CLASSIFICATION,
                List.of("Wingspan")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Wingspan'");
    }

    @Test
    void rejectsANonNumericRegressionLabel() {
        assertThatThrownBy(() -> FeatureSpec.fit(Penguins.TABLE, Penguins.SCHEMA, "Island", Task.REGRESSION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("regression label 'Island' must be a numeric column");
    }

    @Test
    void rejectsACellThatDoesNotMatchTheDeclaredType() {
        Table table = table(new String[] {"x", "y"}, new String[] {"1", "a"}, new String[] {"oops", "b"});
        TableSchema schema = new TableSchema(List.of(new Column("x", ColumnType.NUMERIC, false),
                new Column("y", ColumnType.CATEGORICAL, false)));
        assertThatThrownBy(() -> FeatureSpec.fit(table, schema, "y", Task.CLASSIFICATION))
                .hasMessageContaining("row 2, column 'x': 'oops' is not a number");
    }

    @Test
    void rejectsClassifyingOnAContinuousNumericLabelSayingToUseRegression() {
        assertThatThrownBy(() -> FeatureSpec.fit(Penguins.TABLE, Penguins.SCHEMA, "Body Mass (g)", Task.CLASSIFICATION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("classification label 'Body Mass (g)' is a numeric column with")
                .hasMessageContaining("use task regression");
    }

    @Test
    void acceptsANumericLabelWithFewValuesAsClasses() {
        Table table = table(new String[] {"x", "y"}, new String[] {"1", "0"}, new String[] {"2", "1"},
                new String[] {"3", "1"});
        TableSchema schema = new TableSchema(List.of(new Column("x", ColumnType.NUMERIC, false),
                new Column("y", ColumnType.NUMERIC, false)));
        assertThat(FeatureSpec.fit(table, schema, "y", Task.CLASSIFICATION).labels()).containsExactly("0", "1");
        assertThat(FeatureSpec.numericLabelCanBeClasses(FeatureSpec.MAX_NUMERIC_CLASSES)).isTrue();
        assertThat(FeatureSpec.numericLabelCanBeClasses(FeatureSpec.MAX_NUMERIC_CLASSES + 1)).isFalse();
    }

    @Test
    void rejectsASingleClass() {
        Table table = table(new String[] {"x", "y"}, new String[] {"1", "a"}, new String[] {"2", "a"});
        TableSchema schema = new TableSchema(List.of(new Column("x", ColumnType.NUMERIC, false),
                new Column("y", ColumnType.CATEGORICAL, false)));
        assertThatThrownBy(() -> FeatureSpec.fit(table, schema, "y", Task.CLASSIFICATION))
                .hasMessageContaining("at least two classes");
    }

    static Table table(String[] header, String[]... rows) {
        return new Table(Arrays.asList(header), Arrays.asList(rows));
    }
}
