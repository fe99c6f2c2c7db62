package dev.gyre.core.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows of string cells under a header, as read from a file. A missing cell is {@code null}
 * (see {@link #isMissing(String)}); typing happens in the schema, not here.
 */
public final class Table {
    private final List<String> header;
    private final List<String[]> rows;

    public Table(List<String> header, List<String[]> rows) {
        this.header = List.copyOf(header);
        this.rows = Collections.unmodifiableList(new ArrayList<>(rows));
        for (int i = 0; i < this.rows.size(); i++) {
            if (this.rows.get(i).length != this.header.size()) {
                throw new IllegalArgumentException("row " + (i + 1) + " has " + this.rows.get(i).length
                        + " cells, header has " + this.header.size());
            }
        }
    }

    public List<String> header() {
        return header;
    }

    public int columnCount() {
        return header.size();
    }

    public int rowCount() {
        return rows.size();
    }

    /** The cells of row {@code row} (0-based), in header order; missing cells are {@code null}. */
    public String[] row(int row) {
        return rows.get(row);
    }

    public List<String[]> rows() {
        return rows;
    }

    public String cell(int row, int column) {
        return rows.get(row)[column];
    }

    public int indexOf(String column) {
        return header.indexOf(column);
    }

    /** Tokens read as a missing value: empty, blank, NA, N/A, null, NaN (any case). */
    public static boolean isMissing(String cell) {
        if (cell == null) {
            return true;
        }
        String s = cell.strip();
        return s.isEmpty() || s.equalsIgnoreCase("na") || s.equalsIgnoreCase("n/a")
                || s.equalsIgnoreCase("null") || s.equalsIgnoreCase("nan");
    }
}
