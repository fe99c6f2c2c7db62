package dev.gyre.core.columnar;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.gyre.core.curate.RecipeException;
import dev.gyre.core.curate.Split;
import dev.gyre.core.table.ColumnType;

/**
 * Draws a {@link Split} over a curation table: adds the hidden column {@code __gyre_split} holding
 * {@code train}, {@code validation} or {@code test} for each row. Rows are ranked by a hash of their position and
 * the seed (random, and within each class for stratified) or by the split column (time); each split takes its
 * fraction of the ranks, rounded, the test split what is left.
 */
final class Splitter {
    static final String SPLIT = "__gyre_split";

    private Splitter() {
    }

    /** Makes {@code next} from {@code table} with the split column added. */
    static void assign(Connection c, String table, String next, Split split, Map<String, ColumnType> types,
                       String label, String row) throws SQLException {
        String order;
        String partition = "";
        if (split.method() == Split.Method.TIME) {
            String x = Sql.ident(known(split.column(), types));
            String key = types.get(split.column()) == ColumnType.NUMERIC ? x : "TRY_CAST(" + x + " AS TIMESTAMP)";
            long unusable = VersionWriter.queryLong(c, "SELECT count(*) FROM " + table + " WHERE " + key + " IS NULL");
            if (unusable > 0) {
                throw error(split.column(), "a time split needs a date on every row; " + unusable + " row(s) of \""
                        + split.column() + "\" are missing or not ISO dates (parseDates makes them so)");
            }
            order = key + ", " + row;
        } else {
            order = "hash(" + row + ", " + split.seed() + "), " + row;
            if (split.method() == Split.Method.STRATIFIED) {
                String by = split.column() != null ? split.column() : label;
                if (by == null) {
                    throw error(null, "a stratified split needs split.column or a dataset label column");
                }
                String x = Sql.ident(known(by, types));
                partition = "PARTITION BY " + x + " ";
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT CAST(" + x
                        + " AS VARCHAR), count(*) FROM " + table + " GROUP BY 1 HAVING count(*) < 2 LIMIT 1")) {
                    if (r.next()) {
                        throw error(by, "a stratified split needs at least two rows of each class; class '"
                                + r.getString(1) + "' of \"" + by + "\" has one");
                    }
                }
            }
        }
        String k = "(row_number() OVER (" + partition + "ORDER BY " + order + ") - 1)";
        String m = "count(*) OVER (" + partition.strip() + ")";
        String train = "round(" + m + " * " + split.train() + ")";
        String validation = "round(" + m + " * " + split.validation() + ")";
        VersionWriter.execute(c, "CREATE TABLE " + next + " AS SELECT *, CASE WHEN " + k + " < " + train + " THEN '"
                + Split.TRAIN + "' WHEN " + k + " < " + train + " + " + validation + " THEN '" + Split.VALIDATION
                + "' ELSE '" + Split.TEST + "' END AS " + SPLIT + " FROM " + table + " ORDER BY " + row);
    }

    /** The rows of each split, train first; a split with no rows is left out. */
    static Map<String, Long> counts(Connection c, String table) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String name : new String[]{Split.TRAIN, Split.VALIDATION, Split.TEST}) {
            long n = VersionWriter.queryLong(c, "SELECT count(*) FROM " + table + " WHERE " + SPLIT + " = '" + name
                    + "'");
            if (n > 0 || !name.equals(Split.VALIDATION)) {
                counts.put(name, n);
            }
        }
        return counts;
    }

    private static String known(String column, Map<String, ColumnType> types) {
        if (!types.containsKey(column)) {
            throw error(column, "split: no column \"" + column + "\"; the columns are " + String.join(", ",
                    types.keySet()));
        }
        return column;
    }

    private static RecipeException error(String column, String message) {
        return new RecipeException(null, "split", column, message);
    }
}
