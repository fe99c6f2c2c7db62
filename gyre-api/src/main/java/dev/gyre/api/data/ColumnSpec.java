package dev.gyre.api.data;

/** A column: its name, type and whether it may hold missing values. */
public record ColumnSpec(String name, ColumnType type, Boolean nullable) {
}
