package dev.gyre.core.features;

import dev.gyre.core.ml.Task;
import dev.gyre.core.table.Column;
import dev.gyre.core.table.ColumnType;
import dev.gyre.core.table.Table;
import dev.gyre.core.table.TableSchema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How records become Tribuo examples: the label, the task, the input fields with their imputation
 * values, and the classes. Fitted once on training data ({@link #fit}), stored in the model bundle as
 * JSON, and applied by {@link FeatureEncoder} both in training and in serving.
 *
 * @param labels classification: the sorted distinct label values; empty for regression
 */
public record FeatureSpec(String label, Task task, List<FeatureField> fields, List<String> labels) {
    /**
     * The most distinct values a numeric column may have to be a classification label. More are a measured
     * quantity, not classes: cross-validation would then meet values no training fold has seen.
     */
    public static final int MAX_NUMERIC_CLASSES = 20;

    public FeatureSpec {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(task, "task");
        fields = List.copyOf(fields);
        labels = labels == null ? List.of() : List.copyOf(labels);
        Set<String> names = new HashSet<>();
        for (FeatureField f : fields) {
            if (!names.add(f.name()) || f.name().equals(label)) {
                throw new IllegalArgumentException("duplicate field '" + f.name() + "'");
            }
        }
    }

    /** Whether a numeric column with {@code distinct} values can be a classification label. */
    public static boolean numericLabelCanBeClasses(long distinct) {
        return distinct <= MAX_NUMERIC_CLASSES;
    }

    /** What is wrong with classifying on a numeric label with too many values, and how to fix it. */
    public static String notCategorical(String label, long distinct) {
        return "classification label '" + label + "' is a numeric column with " + distinct
                + " distinct values, more than the " + MAX_NUMERIC_CLASSES + " a numeric label may have as classes: "
                + "to predict the number use task regression; to classify, derive a categorical column with a few "
                + "classes (e.g. bins) and use it as the label";
    }

    /** The field with this name, if any. */
    public java.util.Optional<FeatureField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Fits a spec using every column of the schema except the label as a feature. */
    public static FeatureSpec fit(Table table, TableSchema schema, String label, Task task) {
        Objects.requireNonNull(label, "label");
        return fit(table, schema, label, task, schema.names().stream().filter(n -> !n.equals(label)).toList());
    }

    /**
     * Fits a spec on the rows of {@code table} whose label is present (rows with a missing label are
     * ignored here and skipped by {@link FeatureEncoder#dataset}). Feature kinds follow the schema's
     * column types.
     *
     * @throws IllegalArgumentException naming the column when the label or a feature is not in the
     *                                  schema or table, a regression label is not numeric, a cell does
     *                                  not parse as its column's type, or a classification label has
     *                                  fewer than two classes, or is numeric with more than
     *                                  {@link #MAX_NUMERIC_CLASSES} values
     */
    public static FeatureSpec fit(Table table, TableSchema schema, String label, Task task, List<String> features) {
        Objects.requireNonNull(task, "task");
        int labelIndex = columnIndex(table, schema, label, "label");
        Column labelColumn = schema.column(label).orElseThrow();
        if (task == Task.REGRESSION && labelColumn.type() != ColumnType.NUMERIC) {
            throw new IllegalArgumentException("regression label '" + label + "' must be a numeric column, it is "
                    + labelColumn.type());
        }
        if (features.isEmpty()) {
            throw new IllegalArgumentException("no feature columns besides the label '" + label + "'");
        }
        if (features.contains(label)) {
            throw new IllegalArgumentException("the label '" + label + "' cannot also be a feature");
        }
        if (new HashSet<>(features).size() != features.size()) {
            throw new IllegalArgumentException("duplicate feature names in " + features);
        }
        List<Integer> used = new ArrayList<>();
        TreeSet<String> classes = new TreeSet<>();
        for (int r = 0; r < table.rowCount(); r++) {
            String cell = table.cell(r, labelIndex);
            if (Table.isMissing(cell)) {
                continue;
            }
            used.add(r);
            if (task == Task.CLASSIFICATION) {
                classes.add(FeatureEncoder.labelText(cell));
            } else {
                FeatureEncoder.parseCell(cell, FeatureKind.NUMERIC, r, label);
            }
        }
        if (used.isEmpty()) {
            throw new IllegalArgumentException("label '" + label + "' is missing in every row");
        }
        if (task == Task.CLASSIFICATION && labelColumn.type() == ColumnType.NUMERIC
                && !numericLabelCanBeClasses(classes.size())) {
            throw new IllegalArgumentException(notCategorical(label, classes.size()));
        }
        if (task == Task.CLASSIFICATION && classes.size() < 2) {
            throw new IllegalArgumentException("classification label '" + label + "' needs at least two classes, found "
                    + classes);
        }
        List<FeatureField> fields = new ArrayList<>();
        for (String name : features) {
            int c = columnIndex(table, schema, name, "feature");
            FeatureKind kind = kindOf(schema.column(name).orElseThrow().type());
            fields.add(fitField(table, used, c, name, kind));
        }
        return new FeatureSpec(label, task, fields,
                task == Task.CLASSIFICATION ? List.copyOf(classes) : List.of());
    }

    private static FeatureField fitField(Table table, List<Integer> rows, int column, String name, FeatureKind kind) {
        boolean required = true;
        double sum = 0;
        int present = 0;
        Map<String, Integer> counts = new HashMap<>();
        for (int r : rows) {
            Object value = FeatureEncoder.parseCell(table.cell(r, column), kind, r, name);
            if (value == null) {
                required = false;
                continue;
            }
            present++;
            if (value instanceof Double d) {
                sum += d;
            } else {
                counts.merge(value.toString(), 1, Integer::sum);
            }
        }
        String mode = counts.entrySet().stream()
                .min((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
                        : Integer.compare(b.getValue(), a.getValue()))
                .map(Map.Entry::getKey).orElse(null);
        return switch (kind) {
            case NUMERIC -> new FeatureField(name, kind, required, present == 0 ? null : sum / present, null, List.of());
            case BOOLEAN -> new FeatureField(name, kind, required, null, mode, List.of());
            case CATEGORICAL -> new FeatureField(name, kind, required, null, mode, List.copyOf(new TreeSet<>(counts.keySet())));
        };
    }

    private static FeatureKind kindOf(ColumnType type) {
        return switch (type) {
            case NUMERIC -> FeatureKind.NUMERIC;
            case BOOLEAN -> FeatureKind.BOOLEAN;
            case CATEGORICAL -> FeatureKind.CATEGORICAL;
        };
    }

    private static int columnIndex(Table table, TableSchema schema, String name, String role) {
        int index = table.indexOf(name);
        if (index < 0 || schema.indexOf(name) < 0) {
            throw new IllegalArgumentException(role + " column '" + name + "' not found; columns: " + table.header());
        }
        return index;
    }
}
