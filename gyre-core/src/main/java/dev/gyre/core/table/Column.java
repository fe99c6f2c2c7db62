package dev.gyre.core.table;

import java.util.Objects;

/** One column of a table schema. {@code nullable} is true when the column may hold missing values. */
public record Column(String name, ColumnType type, boolean nullable) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
