package dev.gyre.core.features;

import dev.gyre.core.ml.Task;
import dev.gyre.core.table.CsvTables;
import dev.gyre.core.table.Table;
import dev.gyre.core.table.TableSchema;
import dev.gyre.core.table.TypeInference;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The penguins dataset (344 rows, missing values) shared by the ML tests; read once. */
public final class Penguins {
    public static final String SPECIES = "Species";
    public static final String BODY_MASS = "Body Mass (g)";
    public static final Table TABLE = read();
    public static final TableSchema SCHEMA = TypeInference.infer(TABLE);

    private Penguins() {
    }

    private static Table read() {
        try {
            return CsvTables.read(Files.readAllBytes(Path.of(System.getProperty("basedir", "."), "../datasets/penguins.csv")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FeatureSpec speciesSpec() {
        return FeatureSpec.fit(TABLE, SCHEMA, SPECIES, Task.CLASSIFICATION);
    }

    public static FeatureSpec bodyMassSpec() {
        return FeatureSpec.fit(TABLE, SCHEMA, BODY_MASS, Task.REGRESSION);
    }

    public static MutableDataset<Label> species() {
        return FeatureEncoder.classification(speciesSpec()).dataset(TABLE, "penguins").dataset();
    }

    public static MutableDataset<Regressor> bodyMass() {
        return FeatureEncoder.regression(bodyMassSpec()).dataset(TABLE, "penguins").dataset();
    }

    /** Row {@code r} as a JSON-like record (numbers as Double, missing cells absent), label left out. */
    public static Map<String, Object> record(int r, String label) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (int c = 0; c < TABLE.columnCount(); c++) {
            String name = TABLE.header().get(c);
            String cell = TABLE.cell(r, c);
            if (name.equals(label) || Table.isMissing(cell)) {
                continue;
            }
            record.put(name, SCHEMA.columns().get(c).type() == dev.gyre.core.table.ColumnType.NUMERIC
                    ? (Object) Double.valueOf(cell) : cell);
        }
        return record;
    }
}
