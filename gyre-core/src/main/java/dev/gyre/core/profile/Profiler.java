package dev.gyre.core.profile;

import dev.gyre.core.table.Column;
import dev.gyre.core.table.ColumnType;
import dev.gyre.core.table.Table;
import dev.gyre.core.table.TableSchema;
import dev.gyre.core.table.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * Computes a {@link DatasetProfile} in one pass over the rows (numeric values are collected into a
 * {@code double[]} per column and sorted once for quantiles, distinct count and histogram).
 */
public final class Profiler {
    /** Quantile keys and their probabilities. */
    private static final String[] QUANTILE_KEYS = {"p01", "p05", "p25", "p50", "p75", "p95", "p99"};
    private static final double[] QUANTILE_PROBABILITIES = {0.01, 0.05, 0.25, 0.50, 0.75, 0.95, 0.99};
    // HF7 (linear interpolation between order statistics) is numpy.quantile's default method, so
    // profiles agree with what data scientists compute in a notebook.
    private static final Quantile QUANTILE = Quantile.withDefaults()
            .with(Quantile.EstimationMethod.HF7)
            .withCopy(true);
    private static final int HISTOGRAM_BINS = 10;
    private static final int TOP_VALUES = 10;

    private Profiler() {
    }

    /**
     * Profiles the columns of {@code schema} (matched to the table by name) with the schema's types.
     * A value that does not parse as its column's type counts as missing.
     *
     * @throws IllegalArgumentException if a schema column is not in the table
     */
    public static DatasetProfile profile(Table table, TableSchema schema) {
        List<Column> columns = schema.columns();
        int[] index = new int[columns.size()];
        Accumulator[] accumulators = new Accumulator[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            index[i] = table.indexOf(column.name());
            if (index[i] < 0) {
                throw new IllegalArgumentException("column \"" + column.name() + "\" is not in the table");
            }
            accumulators[i] = column.type() == ColumnType.NUMERIC
                    ? new NumericAccumulator(table.rowCount())
                    : new CountingAccumulator(column.type());
        }
        for (String[] row : table.rows()) {
            for (int i = 0; i < index.length; i++) {
                accumulators[i].accept(row[index[i]]);
            }
        }
        List<ColumnProfile> profiles = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            profiles.add(accumulators[i].profile(columns.get(i).name(), table.rowCount()));
        }
        return new DatasetProfile(table.rowCount(), profiles);
    }

    private interface Accumulator {
        void accept(String cell);

        ColumnProfile profile(String name, long rows);
    }

    private static final class NumericAccumulator implements Accumulator {
        private double[] values;
        private int count;

        NumericAccumulator(int capacity) {
            values = new double[Math.max(capacity, 1)];
        }

        @Override
        public void accept(String cell) {
            Double value = Values.parseNumber(cell);
            if (value != null) {
                values[count++] = value;
            }
        }

        @Override
        public ColumnProfile profile(String name, long rows) {
            long missing = rows - count;
            if (count == 0) {
                return new ColumnProfile(name, ColumnType.NUMERIC, 0, missing, 0,
                        null, null, null, null, Map.of(), List.of(), null, false);
            }
            double[] sorted = Arrays.copyOf(values, count);
            values = null;
            Arrays.sort(sorted);
            // Two-pass mean and sum of squared deviations: accurate, and the data is in memory anyway.
            double sum = 0;
            for (double v : sorted) {
                sum += v;
            }
            double mean = sum / count;
            double squares = 0;
            double compensation = 0;
            for (double v : sorted) {
                double d = v - mean;
                squares += d * d;
                compensation += d;
            }
            Double std = count > 1
                    ? Math.sqrt((squares - compensation * compensation / count) / (count - 1))
                    : null;
            long distinct = 1;
            for (int i = 1; i < count; i++) {
                if (sorted[i] != sorted[i - 1]) {
                    distinct++;
                }
            }
            // Quantile must copy (withCopy(true) above): in place it partitions the array, which unsorts
            // it (observed with 1M values) and breaks the min/max/histogram below.
            double[] q = QUANTILE.evaluate(sorted, QUANTILE_PROBABILITIES);
            Map<String, Double> quantiles = new LinkedHashMap<>();
            for (int i = 0; i < QUANTILE_KEYS.length; i++) {
                quantiles.put(QUANTILE_KEYS[i], q[i]);
            }
            double min = sorted[0];
            double max = sorted[count - 1];
            return new ColumnProfile(name, ColumnType.NUMERIC, count, missing, distinct, mean, std, min, max,
                    Collections.unmodifiableMap(quantiles), histogram(sorted, min, max), null, false);
        }

        private static List<HistogramBin> histogram(double[] sorted, double min, double max) {
            if (min == max) {
                return List.of(new HistogramBin(min, max, sorted.length));
            }
            double[] edges = new double[HISTOGRAM_BINS + 1];
            double width = (max - min) / HISTOGRAM_BINS;
            for (int i = 0; i < HISTOGRAM_BINS; i++) {
                edges[i] = min + i * width;
            }
            edges[HISTOGRAM_BINS] = max;
            long[] counts = new long[HISTOGRAM_BINS];
            for (double v : sorted) {
                int bin = Math.min((int) ((v - min) / width), HISTOGRAM_BINS - 1);
                // Correct rounding at the edges so that bins are exactly [edge_i, edge_i+1).
                if (v < edges[bin]) {
                    bin--;
                } else if (bin < HISTOGRAM_BINS - 1 && v >= edges[bin + 1]) {
                    bin++;
                }
                counts[bin]++;
            }
            List<HistogramBin> bins = new ArrayList<>(HISTOGRAM_BINS);
            for (int i = 0; i < HISTOGRAM_BINS; i++) {
                bins.add(new HistogramBin(edges[i], edges[i + 1], counts[i]));
            }
            return List.copyOf(bins);
        }
    }

    /** Categorical and boolean columns: value frequencies (booleans normalized to "true"/"false"). */
    private static final class CountingAccumulator implements Accumulator {
        private final ColumnType type;
        private final Map<String, long[]> counts = new HashMap<>();
        private long count;

        CountingAccumulator(ColumnType type) {
            this.type = type;
        }

        @Override
        public void accept(String cell) {
            String value;
            if (Table.isMissing(cell)) {
                return;
            } else if (type == ColumnType.BOOLEAN) {
                Boolean b = Values.parseBoolean(cell);
                if (b == null) {
                    return;
                }
                value = b.toString();
            } else {
                value = cell;
            }
            count++;
            counts.computeIfAbsent(value, k -> new long[1])[0]++;
        }

        @Override
        public ColumnProfile profile(String name, long rows) {
            List<ValueCount> top = counts.entrySet().stream()
                    .map(e -> new ValueCount(e.getKey(), e.getValue()[0]))
                    .sorted(Comparator.comparingLong(ValueCount::count).reversed()
                            .thenComparing(ValueCount::value))
                    .limit(TOP_VALUES)
                    .toList();
            return new ColumnProfile(name, type, count, rows - count, counts.size(),
                    null, null, null, null, null, null, top, false);
        }
    }
}
