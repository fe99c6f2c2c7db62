package dev.gyre.core.features;

import dev.gyre.core.ml.Task;
import dev.gyre.core.table.Categories;
import dev.gyre.core.table.Table;
import dev.gyre.core.table.Values;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one implementation of record → Tribuo {@link Example} for a {@link FeatureSpec}, used for training
 * ({@link #dataset}, from table cells) and for serving ({@link #examples}, from JSON values). Both paths
 * turn their input into the same typed values and share {@link #encode}, so imputation and feature
 * naming cannot diverge:
 * <ul>
 *   <li>numeric: feature {@code name} = the value; missing → the training mean</li>
 *   <li>categorical: one-hot, a feature {@code name=category} for every training category, 1 for the
 *       value's and 0 for the others (all 0 for an unseen value); missing → the training mode</li>
 *   <li>boolean: feature {@code name} = 1 or 0; missing → the training mode</li>
 * </ul>
 * Every example holds every feature explicitly (zeros included): the same features in training and
 * serving, and Tribuo's mean/std statistics over implicit zeros are wrong in 4.3.2
 * ({@code MeanStdDevStatistics.observeSparse(int)} resets the mean). Categorical values and labels are
 * spelled by {@link Categories#of} (surrounding spaces stripped), as monitoring's drift spells them. A JSON string that {@link Table#isMissing} calls missing ({@code ""},
 * {@code "NA"}...) is missing in serving as it is in a training cell. Immutable and thread-safe.
 */
public final class FeatureEncoder<T extends Output<T>> {
    /** The name of the single regression output dimension (Tribuo's default naming). */
    public static final String REGRESSION_DIMENSION = "DIM-0";

    private final FeatureSpec spec;
    private final OutputFactory<T> factory;
    private final Map<String, Integer> fieldIndex = new HashMap<>();
    private final Object[] imputed;
    private final int width;

    private FeatureEncoder(FeatureSpec spec, OutputFactory<T> factory) {
        this.spec = spec;
        this.factory = factory;
        this.imputed = new Object[spec.fields().size()];
        this.width = spec.fields().stream().mapToInt(f -> f.kind() == FeatureKind.CATEGORICAL ? f.categories().size() : 1).sum();
        for (int i = 0; i < spec.fields().size(); i++) {
            FeatureField f = spec.fields().get(i);
            fieldIndex.put(f.name(), i);
            imputed[i] = switch (f.kind()) {
                case NUMERIC -> f.mean();
                case CATEGORICAL -> f.mode();
                case BOOLEAN -> f.mode() == null ? null : Boolean.valueOf(f.mode());
            };
        }
    }

    /** An encoder whose output type follows the spec's task ({@code Label} or {@code Regressor}). */
    public static FeatureEncoder<?> of(FeatureSpec spec) {
        return spec.task() == Task.CLASSIFICATION ? classification(spec) : regression(spec);
    }

    /** @throws IllegalArgumentException if the spec is not for classification */
    public static FeatureEncoder<Label> classification(FeatureSpec spec) {
        requireTask(spec, Task.CLASSIFICATION);
        return new FeatureEncoder<>(spec, new LabelFactory());
    }

    /** @throws IllegalArgumentException if the spec is not for regression */
    public static FeatureEncoder<Regressor> regression(FeatureSpec spec) {
        requireTask(spec, Task.REGRESSION);
        return new FeatureEncoder<>(spec, new RegressionFactory());
    }

    private static void requireTask(FeatureSpec spec, Task task) {
        if (spec.task() != task) {
            throw new IllegalArgumentException("feature spec is for " + spec.task().json() + ", not " + task.json());
        }
    }

    public FeatureSpec spec() {
        return spec;
    }

    public OutputFactory<T> outputFactory() {
        return factory;
    }

    /** Every feature name an example of this spec can hold: {@code name}, or {@code name=category} one-hot. */
    public java.util.Set<String> featureNames() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (FeatureField f : spec.fields()) {
            if (f.kind() == FeatureKind.CATEGORICAL) {
                f.categories().forEach(c -> names.add(f.name() + "=" + c));
            } else {
                names.add(f.name());
            }
        }
        return names;
    }

    /**
     * The training dataset: one example per row with a label; rows with a missing label are skipped
     * and counted. Regression outputs use Tribuo's default dimension name {@code DIM-0}.
     *
     * @param source names the data in the dataset's provenance, e.g. {@code penguins@3}
     * @throws IllegalArgumentException naming the column (and row) when a column is absent or a cell
     *                                  does not parse as its field's kind
     */
    public TrainingData<T> dataset(Table table, String source) {
        int labelColumn = table.indexOf(spec.label());
        if (labelColumn < 0) {
            throw new IllegalArgumentException("label column '" + spec.label() + "' not found; columns: " + table.header());
        }
        int[] columns = new int[spec.fields().size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = table.indexOf(spec.fields().get(i).name());
            if (columns[i] < 0) {
                throw new IllegalArgumentException("feature column '" + spec.fields().get(i).name()
                        + "' not found; columns: " + table.header());
            }
        }
        MutableDataset<T> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(source, factory), factory);
        int skipped = 0;
        Object[] values = new Object[columns.length];
        for (int r = 0; r < table.rowCount(); r++) {
            String labelCell = table.cell(r, labelColumn);
            if (Table.isMissing(labelCell)) {
                skipped++;
                continue;
            }
            for (int i = 0; i < columns.length; i++) {
                FeatureField f = spec.fields().get(i);
                values[i] = parseCell(table.cell(r, columns[i]), f.kind(), r, f.name());
            }
            dataset.add(encode(output(labelCell, r), values));
        }
        return new TrainingData<>(dataset, table.rowCount() - skipped, skipped);
    }

    /**
     * An example for prediction (unknown output) from one JSON record.
     *
     * @throws FeatureValidationException with every error of the record ({@link FieldError#instance()} null)
     */
    public Example<T> example(Map<String, ?> record) {
        List<FieldError> errors = new ArrayList<>();
        Example<T> example = exampleOrErrors(record, errors);
        if (!errors.isEmpty()) {
            throw new FeatureValidationException(errors);
        }
        return example;
    }

    /**
     * Examples for a batch of JSON records, validated all before any is returned.
     *
     * @throws FeatureValidationException with every error of every record, each with its record's index
     */
    public List<Example<T>> examples(List<? extends Map<String, ?>> records) {
        List<FieldError> errors = new ArrayList<>();
        List<Example<T>> examples = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            List<FieldError> own = new ArrayList<>();
            examples.add(exampleOrErrors(records.get(i), own));
            for (FieldError e : own) {
                errors.add(e.at(i));
            }
        }
        if (!errors.isEmpty()) {
            throw new FeatureValidationException(errors);
        }
        return examples;
    }

    private Example<T> exampleOrErrors(Map<String, ?> record, List<FieldError> errors) {
        if (record == null) {
            errors.add(new FieldError(null, "", "expected an object"));
            return null;
        }
        for (String key : record.keySet()) {
            // the label is tolerated (e.g. records taken from a labelled file) and ignored
            if (key == null || (!fieldIndex.containsKey(key) && !key.equals(spec.label()))) {
                errors.add(new FieldError(null, String.valueOf(key), "unknown field"));
            }
        }
        Object[] values = new Object[spec.fields().size()];
        for (int i = 0; i < values.length; i++) {
            FeatureField f = spec.fields().get(i);
            Object raw = record.get(f.name());
            if (raw == null || raw instanceof String s && Table.isMissing(s)) {
                // the one rule of missing values, as for a training cell: "", "NA", "null"... count as null
                if (f.required()) {
                    errors.add(new FieldError(null, f.name(), raw != null
                            ? "required field is null (the string '" + raw + "' is a missing value, as in training data)"
                            : record.containsKey(f.name()) ? "required field is null" : "required field is missing"));
                }
                continue;
            }
            Object value = jsonValue(raw, f.kind());
            if (value == null) {
                errors.add(new FieldError(null, f.name(), "expected " + expected(f.kind()) + ", got " + describe(raw)));
            } else {
                values[i] = value;
            }
        }
        return errors.isEmpty() ? encode(factory.getUnknownOutput(), values) : null;
    }

    /** The shared encoding: typed values (null = missing) → imputed, named features. */
    private Example<T> encode(T output, Object[] values) {
        List<String> names = new ArrayList<>(width);
        double[] features = new double[width];
        for (int i = 0; i < values.length; i++) {
            FeatureField f = spec.fields().get(i);
            Object v = values[i] != null ? values[i] : imputed[i];
            if (v == null) {
                continue; // never seen in training: nothing to impute
            }
            switch (f.kind()) {
                case NUMERIC -> {
                    features[names.size()] = (Double) v;
                    names.add(f.name());
                }
                case BOOLEAN -> {
                    features[names.size()] = (Boolean) v ? 1.0 : 0.0;
                    names.add(f.name());
                }
                case CATEGORICAL -> {
                    for (String category : f.categories()) {
                        features[names.size()] = category.equals(v) ? 1.0 : 0.0;
                        names.add(f.name() + "=" + category);
                    }
                }
            }
        }
        return new ArrayExample<>(output, names.toArray(String[]::new), java.util.Arrays.copyOf(features, names.size()));
    }

    private T output(String labelCell, int row) {
        Object out = spec.task() == Task.CLASSIFICATION
                ? new Label(labelText(labelCell))
                : new Regressor(REGRESSION_DIMENSION, (Double) parseCell(labelCell, FeatureKind.NUMERIC, row, spec.label()));
        @SuppressWarnings("unchecked")
        T t = (T) out;
        return t;
    }

    static String labelText(String cell) {
        return Categories.of(cell);
    }

    /** A table cell as the typed value of its kind; null when missing. */
    static Object parseCell(String cell, FeatureKind kind, int row, String column) {
        if (Table.isMissing(cell)) {
            return null;
        }
        Object value = switch (kind) {
            case NUMERIC -> Values.parseNumber(cell);
            case BOOLEAN -> Values.parseBoolean(cell);
            case CATEGORICAL -> Categories.of(cell);
        };
        if (value == null) {
            throw new IllegalArgumentException("row " + (row + 1) + ", column '" + column + "': '" + cell
                    + "' is not " + expected(kind));
        }
        return value;
    }

    /** A JSON value as the typed value of its kind; null when it has the wrong JSON type. */
    private static Object jsonValue(Object raw, FeatureKind kind) {
        return switch (kind) {
            case NUMERIC -> raw instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
            case BOOLEAN -> raw instanceof Boolean b ? b : null;
            case CATEGORICAL -> Categories.of(raw);
        };
    }

    private static String expected(FeatureKind kind) {
        return switch (kind) {
            case NUMERIC -> "a number";
            case BOOLEAN -> "a boolean";
            case CATEGORICAL -> "a string";
        };
    }

    private static String describe(Object raw) {
        if (raw instanceof String) {
            return "a string";
        }
        if (raw instanceof Boolean) {
            return "a boolean";
        }
        if (raw instanceof Number) {
            return "a number";
        }
        if (raw instanceof Map) {
            return "an object";
        }
        if (raw instanceof Collection || raw.getClass().isArray()) {
            return "an array";
        }
        return raw.getClass().getSimpleName();
    }
}
