package dev.gyre.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TypeInferenceTest {

    @Test
    void infersNumericBooleanAndCategoricalColumnsAndNullability() {
        Table table = CsvTables.read(("num,flag,cat,empty,mixed,sci\n"
                + "1,true,a,,1,1e3\n"
                + "-2.5,FALSE,b,NA,true,-2E-1\n"
                + ",True,,,x, 7 \n").getBytes(StandardCharsets.UTF_8));

        TableSchema schema = TypeInference.infer(table);

        assertThat(schema.columns()).containsExactly(
                new Column("num", ColumnType.NUMERIC, true),
                new Column("flag", ColumnType.BOOLEAN, false),
                new Column("cat", ColumnType.CATEGORICAL, true),
                new Column("empty", ColumnType.CATEGORICAL, true),
                new Column("mixed", ColumnType.CATEGORICAL, false),
                new Column("sci", ColumnType.NUMERIC, false));
    }

    @Test
    void treatsHexAndInfinityAsCategorical() {
        Table table = CsvTables.read("a,b\n0x10,1\n1,Infinity\n".getBytes(StandardCharsets.UTF_8));

        assertThat(TypeInference.infer(table).columns())
                .extracting(Column::type)
                .containsExactly(ColumnType.CATEGORICAL, ColumnType.CATEGORICAL);
    }

    @Test
    void infersThePenguinsDataset() throws Exception {
        Path file = Path.of(System.getProperty("basedir", "."), "../datasets/penguins.csv");
        Table table;
        try (var in = Files.newInputStream(file)) {
            table = CsvTables.read(in);
        }

        TableSchema schema = TypeInference.infer(table);

        assertThat(table.rowCount()).isEqualTo(344);
        assertThat(schema.columns()).containsExactly(
                new Column("Species", ColumnType.CATEGORICAL, false),
                new Column("Island", ColumnType.CATEGORICAL, false),
                new Column("Beak Length (mm)", ColumnType.NUMERIC, true),
                new Column("Beak Depth (mm)", ColumnType.NUMERIC, true),
                new Column("Flipper Length (mm)", ColumnType.NUMERIC, true),
                new Column("Body Mass (g)", ColumnType.NUMERIC, true),
                new Column("Sex", ColumnType.CATEGORICAL, true));
    }
}
