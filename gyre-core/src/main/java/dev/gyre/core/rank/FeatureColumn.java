package dev.gyre.core.rank;

import java.util.List;
import java.util.Objects;

/** A column to rank: numeric values (NaN where missing) or categories (null where missing), one per row. */
public sealed interface FeatureColumn permits FeatureColumn.Numeric, FeatureColumn.Categorical {

    String name();

    int size();

    /** A numeric column; {@code NaN} marks a missing value. */
    record Numeric(String name, double[] values) implements FeatureColumn {
        public Numeric {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(values, "values");
        }

        @Override
        public int size() {
            return values.length;
        }
    }

    /** A categorical or boolean column as text; {@code null} marks a missing value. */
    record Categorical(String name, List<String> values) implements FeatureColumn {
        public Categorical {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(values, "values");
        }

        @Override
        public int size() {
            return values.size();
        }
    }
}
