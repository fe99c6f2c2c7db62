package dev.gyre.core.columnar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.gyre.core.table.Table;

/**
 * Reads a version's Parquet file: as CSV, as Parquet with fewer columns, or into a {@link Table} for the services
 * that train on it or compare with it. Numbers print as Gyre wrote them in CSV: integral values without a
 * fraction ({@code 3}, not {@code 3.0}), others in the shortest form that reads back to the same double.
 */
public final class VersionReader {
    /** The name DuckDB gives a row's position in its file. */
    private static final String POSITION = "file_row_number";

    private final ColumnarEngine engine;

    public VersionReader(ColumnarEngine engine) {
        this.engine = engine;
    }

    /** The file's columns with their engine types, in file order. */
    public Map<String, String> columns(Path parquet) {
        try (Connection c = engine.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(" + Sql.path(parquet)
                        + "))")) {
            Map<String, String> columns = new LinkedHashMap<>();
            while (r.next()) {
                columns.put(r.getString(1), r.getString(2));
            }
            return columns;
        } catch (SQLException e) {
            throw new ColumnarException("cannot read the columns of " + parquet + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code columns} (all when empty) as RFC 4180 CSV with a header, missing values empty. */
    public void toCsv(Path parquet, List<String> columns, Path csv) {
        copy("SELECT " + printed(columns(parquet), columns) + " FROM read_parquet(" + Sql.path(parquet) + ")", csv,
                "FORMAT csv, HEADER true, DELIMITER ','");
    }

    /**
     * As {@link #toCsv(Path, List, Path)}, only the rows of one split: {@code splits} is the version's split file
     * (one value per row, in the rows' order).
     */
    public void toCsv(Path parquet, Path splits, String split, List<String> columns, Path csv) {
        copy("SELECT " + printed(columns(parquet), columns) + " FROM " + ofSplit(parquet, splits, split), csv,
                "FORMAT csv, HEADER true, DELIMITER ','");
    }

    /** As {@link #select(Path, List, Path)}, only the rows of one split. */
    public void select(Path parquet, Path splits, String split, List<String> columns, Path out) {
        String select = columns.isEmpty() ? "*" : String.join(", ", columns.stream().map(Sql::ident).toList());
        copy("SELECT " + select + " FROM " + ofSplit(parquet, splits, split), out, "FORMAT parquet, COMPRESSION snappy");
    }

    private static String ofSplit(Path parquet, Path splits, String split) {
        return "(SELECT v.* FROM read_parquet(" + Sql.path(parquet) + ") v POSITIONAL JOIN read_parquet("
                + Sql.path(splits) + ") s WHERE s." + Splitter.SPLIT + " = " + Sql.literal(split) + ")";
    }

    /** Writes {@code columns} (all when empty) as Parquet, types kept. */
    public void select(Path parquet, List<String> columns, Path out) {
        String select = columns.isEmpty() ? "*" : String.join(", ", columns.stream().map(Sql::ident).toList());
        copy("SELECT " + select + " FROM read_parquet(" + Sql.path(parquet) + ")", out,
                "FORMAT parquet, COMPRESSION snappy");
    }

    /**
     * The rows as a {@link Table} of text cells, printed as {@link #toCsv} prints them, missing values null. For
     * the services that need the rows in memory (training builds its examples from them).
     */
    public Table table(Path parquet, List<String> columns) {
        Map<String, String> types = columns(parquet);
        List<String> header = columns.isEmpty() ? List.copyOf(types.keySet()) : List.copyOf(columns);
        try (Connection c = engine.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT " + printed(types, header) + " FROM read_parquet(" + Sql.path(parquet) + ")")) {
            List<String[]> rows = new ArrayList<>();
            while (r.next()) {
                String[] row = new String[header.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = r.getString(i + 1);
                }
                rows.add(row);
            }
            return new Table(header, rows);
        } catch (SQLException e) {
            throw new ColumnarException("cannot read " + parquet + ": " + e.getMessage(), e);
        }
    }

    /** The number of rows in the file (DuckDB reads it from the footer). */
    public long rowCount(Path parquet) {
        try (Connection c = engine.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT count(*) FROM read_parquet(" + Sql.path(parquet) + ")")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new ColumnarException("cannot count the rows of " + parquet + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code columns} (all when empty) of {@code rows} rows of the file, picked at random, to {@code out} as
     * Parquet (all rows if the file has no more). The same file and seed give the same rows whatever the engine's
     * threads: a row is kept by the hash of its position in the file and the seed, the {@code rows} lowest win.
     * (DuckDB's own {@code USING SAMPLE ... REPEATABLE} repeats only on one thread.) Memory holds the sample, not
     * the file.
     */
    public void sample(Path parquet, List<String> columns, int rows, long seed, Path out) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be at least 1, not " + rows);
        }
        Map<String, String> types = columns(parquet);
        List<String> wanted = columns.isEmpty() ? List.copyOf(types.keySet()) : columns;
        if (!types.containsKey(POSITION)) {
            copy(sampleQuery(parquet, wanted, Map.of(), rows, seed), out, "FORMAT parquet, COMPRESSION snappy");
            return;
        }
        // DuckDB refuses to add the position beside a column of the same name: rename that column first, in a
        // copy in file order (the engine preserves insertion order), and back in the sample
        String renamed = POSITION;
        for (int n = 0; types.containsKey(renamed); n++) {
            renamed = "gyre_" + POSITION + "_" + n;
        }
        Path copy = engine.tempFile(".parquet");
        try {
            List<String> select = new ArrayList<>();
            for (String name : wanted) {
                select.add(POSITION.equals(name) ? Sql.ident(name) + " AS " + Sql.ident(renamed) : Sql.ident(name));
            }
            copy("SELECT " + String.join(", ", select) + " FROM read_parquet(" + Sql.path(parquet) + ")", copy,
                    "FORMAT parquet, COMPRESSION snappy");
            copy(sampleQuery(copy, wanted, Map.of(POSITION, renamed), rows, seed), out,
                    "FORMAT parquet, COMPRESSION snappy");
        } finally {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                // the sample is written; a temp file left behind is not worth failing it for
            }
        }
    }

    private static String sampleQuery(Path parquet, List<String> columns, Map<String, String> storedAs, int rows,
                                      long seed) {
        List<String> select = new ArrayList<>();
        for (String name : columns) {
            String stored = storedAs.getOrDefault(name, name);
            select.add(stored.equals(name) ? Sql.ident(name) : Sql.ident(stored) + " AS " + Sql.ident(name));
        }
        return "SELECT " + String.join(", ", select) + " FROM read_parquet(" + Sql.path(parquet)
                + ", file_row_number = true) ORDER BY hash(" + POSITION + ", " + seed + "), " + POSITION
                + " LIMIT " + rows;
    }

    /** One numeric column, missing values NaN: a column at a time, so memory holds one column, not the rows. */
    public double[] doubles(Path parquet, String column) {
        try (Connection c = engine.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT CAST(" + Sql.ident(column) + " AS DOUBLE) FROM read_parquet(" + Sql.path(parquet) + ")")) {
            double[] values = new double[1024];
            int n = 0;
            while (r.next()) {
                if (n == values.length) {
                    values = java.util.Arrays.copyOf(values, n * 2);
                }
                double v = r.getDouble(1);
                values[n++] = r.wasNull() ? Double.NaN : v;
            }
            return java.util.Arrays.copyOf(values, n);
        } catch (SQLException e) {
            throw new ColumnarException("cannot read column \"" + column + "\" of " + parquet + ": " + e.getMessage(), e);
        }
    }

    /** One column as text ({@code true}/{@code false} for booleans), missing values null. */
    public List<String> strings(Path parquet, String column) {
        try (Connection c = engine.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT CAST(" + Sql.ident(column) + " AS VARCHAR) FROM read_parquet(" + Sql.path(parquet) + ")")) {
            List<String> values = new ArrayList<>();
            while (r.next()) {
                values.add(r.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new ColumnarException("cannot read column \"" + column + "\" of " + parquet + ": " + e.getMessage(), e);
        }
    }

    private static String printed(Map<String, String> types, List<String> columns) {
        List<String> names = columns.isEmpty() ? List.copyOf(types.keySet()) : columns;
        List<String> select = new ArrayList<>();
        for (String name : names) {
            String type = types.get(name);
            if (type == null) {
                throw new IllegalArgumentException("no column \"" + name + "\" in the version");
            }
            String x = Sql.ident(name);
            select.add(("DOUBLE".equals(type) ? Sql.numberText(x) : "CAST(" + x + " AS VARCHAR)") + " AS " + x);
        }
        return String.join(", ", select);
    }

    private void copy(String query, Path out, String options) {
        try (Connection c = engine.connect(); Statement s = c.createStatement()) {
            s.execute("COPY (" + query + ") TO " + Sql.path(out) + " (" + options + ")");
        } catch (SQLException e) {
            throw new ColumnarException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
