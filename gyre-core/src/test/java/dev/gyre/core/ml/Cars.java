package dev.gyre.core.ml;

import dev.gyre.core.features.FeatureEncoder;
import dev.gyre.core.features.FeatureSpec;
import dev.gyre.core.table.CsvTables;
import dev.gyre.core.table.Table;
import dev.gyre.core.table.TableSchema;
import dev.gyre.core.table.TypeInference;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The Vega "cars" dataset (406 rows, src/test/resources/datasets): many one-hot features (Name has ~300
 * values, most seen once), numeric columns on very different scales, missing labels and features.
 */
final class Cars {
    static final String MPG = "Miles per Gallon";
    static final String ORIGIN = "Origin";
    static final Table TABLE = read();
    static final TableSchema SCHEMA = TypeInference.infer(TABLE);

    private Cars() {
    }

    private static Table read() {
        try (InputStream in = Cars.class.getResourceAsStream("/datasets/cars.csv")) {
            return CsvTables.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MutableDataset<Regressor> milesPerGallon() {
        FeatureSpec spec = FeatureSpec.fit(TABLE, SCHEMA, MPG, Task.REGRESSION);
        return FeatureEncoder.regression(spec).dataset(TABLE, "cars").dataset();
    }

    static MutableDataset<Label> origin() {
        FeatureSpec spec = FeatureSpec.fit(TABLE, SCHEMA, ORIGIN, Task.CLASSIFICATION);
        return FeatureEncoder.classification(spec).dataset(TABLE, "cars").dataset();
    }
}
