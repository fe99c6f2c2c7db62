package dev.gyre.core.columnar;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import dev.gyre.core.profile.ColumnProfile;
import dev.gyre.core.profile.DatasetProfile;
import dev.gyre.core.profile.HistogramBin;
import dev.gyre.core.profile.ValueCount;
import dev.gyre.core.table.Column;
import dev.gyre.core.table.ColumnType;
import dev.gyre.core.table.TableSchema;

/**
 * The profile of a typed relation, in the engine, with the figures {@link dev.gyre.core.profile.Profiler} gives:
 * one scan for counts and moments, one query per numeric column for its exact quantiles (linear interpolation,
 * numpy's default), one scan for the histograms (ten equal-width bins, each [lower, upper) but the last, closed),
 * and one query per text column for its top values. Distinct counts are exact up to {@value #EXACT_DISTINCT_UP_TO} (by the engine's estimate) and the
 * engine's HyperLogLog estimate above, flagged as such.
 */
final class SqlProfiler {
    static final long EXACT_DISTINCT_UP_TO = 20_000;
    private static final int QUANTILE_LANES = 2;
    private static final String[] QUANTILE_KEYS = {"p01", "p05", "p25", "p50", "p75", "p95", "p99"};
    private static final String QUANTILES = "[0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]";
    private static final int BINS = 10;
    private static final int TOP_VALUES = 10;

    private SqlProfiler() {
    }

    private record Moments(long count, Double mean, Double std, Double min, Double max, Map<String, Double> quantiles,
                           long distinct, boolean approximate) {
    }

    static DatasetProfile profile(ColumnarEngine engine, Connection c, String relation, TableSchema schema, long rows)
            throws SQLException {
        List<Column> columns = schema.columns();
        Map<String, Moments> moments = moments(engine, c, relation, columns);
        Map<String, List<HistogramBin>> histograms = histograms(c, relation, columns, moments);
        List<ColumnProfile> profiles = new ArrayList<>(columns.size());
        for (Column column : columns) {
            Moments m = moments.get(column.name());
            long missing = rows - m.count();
            if (column.type() == ColumnType.NUMERIC) {
                profiles.add(m.count() == 0
                        ? new ColumnProfile(column.name(), ColumnType.NUMERIC, 0, missing, 0, null, null, null, null,
                        Map.of(), List.of(), null, false)
                        : new ColumnProfile(column.name(), ColumnType.NUMERIC, m.count(), missing, m.distinct(),
                        m.mean(), m.std(), m.min(), m.max(), m.quantiles(), histograms.get(column.name()), null,
                        m.approximate()));
            } else {
                profiles.add(new ColumnProfile(column.name(), column.type(), m.count(), missing, m.distinct(),
                        null, null, null, null, null, null, topValues(c, relation, column.name()), m.approximate()));
            }
        }
        return new DatasetProfile(rows, profiles);
    }

    private static Map<String, Moments> moments(ColumnarEngine engine, Connection c, String relation,
                                                List<Column> columns)
            throws SQLException {
        List<String> select = new ArrayList<>();
        for (Column column : columns) {
            String x = Sql.ident(column.name());
            select.add("count(" + x + ")");
            select.add("approx_count_distinct(" + x + ")");
            if (column.type() == ColumnType.NUMERIC) {
                select.add("avg(" + x + ")");
                select.add("stddev_samp(" + x + ")");
                select.add("min(" + x + ")");
                select.add("max(" + x + ")");
            }
        }
        Map<String, Moments> moments = new HashMap<>();
        List<String> exact = new ArrayList<>();
        List<String> sorted = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT " + String.join(", ", select) + " FROM " + relation)) {
            r.next();
            int i = 1;
            for (Column column : columns) {
                long count = r.getLong(i++);
                long estimate = r.getLong(i++);
                if (estimate <= EXACT_DISTINCT_UP_TO) {
                    exact.add(column.name());
                }
                if (column.type() == ColumnType.NUMERIC) {
                    Double mean = (Double) r.getObject(i++);
                    Double std = (Double) r.getObject(i++);
                    Double min = (Double) r.getObject(i++);
                    Double max = (Double) r.getObject(i++);
                    Map<String, Double> quantiles = Map.of();
                    if (count > 0) {
                        sorted.add(column.name());
                    }
                    moments.put(column.name(), new Moments(count, mean, std, min, max, quantiles, estimate, true));
                } else {
                    moments.put(column.name(), new Moments(count, null, null, null, null, null, estimate, true));
                }
            }
        }
        // Exact quantiles sort each column: the slowest part, single-threaded in the engine, and a column's worth of
        // memory each. So they run in QUANTILE_LANES lanes beside the rest, each lane one column after another.
        List<Future<Map<String, Map<String, Double>>>> lanes = new ArrayList<>();
        for (int lane = 0; lane < Math.min(QUANTILE_LANES, sorted.size()); lane++) {
            List<String> mine = new ArrayList<>();
            for (int i = lane; i < sorted.size(); i += QUANTILE_LANES) {
                mine.add(sorted.get(i));
            }
            lanes.add(engine.background(() -> {
                Map<String, Map<String, Double>> found = new HashMap<>();
                try (Connection other = engine.connect()) {
                    for (String name : mine) {
                        found.put(name, quantiles(other, relation, name));
                    }
                }
                return found;
            }));
        }
        if (!exact.isEmpty()) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT " + String.join(", ",
                    exact.stream().map(n -> "count(DISTINCT " + Sql.ident(n) + ")").toList()) + " FROM " + relation)) {
                r.next();
                for (int i = 0; i < exact.size(); i++) {
                    Moments m = moments.get(exact.get(i));
                    moments.put(exact.get(i), new Moments(m.count(), m.mean(), m.std(), m.min(), m.max(),
                            m.quantiles(), r.getLong(i + 1), false));
                }
            }
        }
        for (Future<Map<String, Map<String, Double>>> lane : lanes) {
            VersionWriter.await(lane).forEach((name, quantiles) -> {
                Moments m = moments.get(name);
                moments.put(name, new Moments(m.count(), m.mean(), m.std(), m.min(), m.max(), quantiles,
                        m.distinct(), m.approximate()));
            });
        }
        return moments;
    }

    private static Map<String, Double> quantiles(Connection c, String relation, String name) throws SQLException {
        Object[] values;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT quantile_cont(" + Sql.ident(name)
                + ", " + QUANTILES + ") FROM " + relation)) {
            r.next();
            values = (Object[]) r.getArray(1).getArray();
        }
        Map<String, Double> quantiles = new LinkedHashMap<>();
        for (int i = 0; i < QUANTILE_KEYS.length; i++) {
            quantiles.put(QUANTILE_KEYS[i], ((Number) values[i]).doubleValue());
        }
        return Collections.unmodifiableMap(quantiles);
    }

    /** Edges min + i·width as Profiler computes them, compared in the engine as parameters (no decimal text). */
    private static Map<String, List<HistogramBin>> histograms(Connection c, String relation, List<Column> columns,
                                                             Map<String, Moments> moments) throws SQLException {
        Map<String, List<HistogramBin>> histograms = new HashMap<>();
        Map<String, double[]> edges = new LinkedHashMap<>();
        for (Column column : columns) {
            Moments m = moments.get(column.name());
            if (column.type() != ColumnType.NUMERIC || m.count() == 0) {
                continue;
            }
            double min = m.min();
            double max = m.max();
            if (min == max) {
                histograms.put(column.name(), List.of(new HistogramBin(min, max, m.count())));
                continue;
            }
            double width = (max - min) / BINS;
            double[] e = new double[BINS + 1];
            for (int i = 0; i < BINS; i++) {
                e[i] = min + i * width;
            }
            e[BINS] = max;
            edges.put(column.name(), e);
        }
        if (edges.isEmpty()) {
            return histograms;
        }
        // histogram(x, bounds) counts x <= bound per bound and the rest under +Infinity; x < edge is x <= the
        // double just below the edge, so the bins come out [lower, upper) and the last one closed.
        List<String> select = new ArrayList<>();
        for (String name : edges.keySet()) {
            select.add("histogram(" + Sql.ident(name) + ", [" + String.join(", ", java.util.Collections.nCopies(BINS - 1,
                    "CAST(? AS DOUBLE)")) + "])");
        }
        try (PreparedStatement s = c.prepareStatement("SELECT " + String.join(", ", select) + " FROM " + relation)) {
            int p = 1;
            for (double[] e : edges.values()) {
                for (int i = 1; i < BINS; i++) {
                    s.setDouble(p++, Math.nextDown(e[i]));
                }
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                int i = 1;
                for (Map.Entry<String, double[]> entry : edges.entrySet()) {
                    double[] e = entry.getValue();
                    Map<?, ?> counts = (Map<?, ?>) r.getObject(i++);
                    Map<Double, Long> byBound = new HashMap<>();
                    counts.forEach((k, v) -> byBound.put(((Number) k).doubleValue(), ((Number) v).longValue()));
                    List<HistogramBin> bins = new ArrayList<>(BINS);
                    for (int b = 0; b < BINS; b++) {
                        double bound = b < BINS - 1 ? Math.nextDown(e[b + 1]) : Double.POSITIVE_INFINITY;
                        bins.add(new HistogramBin(e[b], e[b + 1], byBound.getOrDefault(bound, 0L)));
                    }
                    histograms.put(entry.getKey(), List.copyOf(bins));
                }
            }
        }
        return histograms;
    }

    private static List<ValueCount> topValues(Connection c, String relation, String name) throws SQLException {
        String x = Sql.ident(name);
        List<ValueCount> top = new ArrayList<>();
        // ties broken by the value, as Profiler does (Java's String order is by UTF-16 unit; the engine's by byte,
        // which agree but for characters outside the Basic Multilingual Plane)
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT CAST(" + x + " AS VARCHAR) v, "
                + "count(*) n FROM " + relation + " WHERE " + x + " IS NOT NULL GROUP BY v ORDER BY n DESC, v LIMIT "
                + TOP_VALUES)) {
            while (r.next()) {
                top.add(new ValueCount(r.getString(1), r.getLong(2)));
            }
        }
        return List.copyOf(top);
    }
}
