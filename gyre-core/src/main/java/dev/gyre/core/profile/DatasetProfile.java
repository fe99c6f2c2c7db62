package dev.gyre.core.profile;

import java.util.List;

/** Summary statistics of a table: its row count and one profile per column, in schema order. */
public record DatasetProfile(long rows, List<ColumnProfile> columns) {
    public DatasetProfile {
        columns = List.copyOf(columns);
    }
}
