package dev.gyre.api.data;

/** A column: {@code type} is "numeric", "categorical" or "boolean". */
public record ColumnSpec(String name, String type, Boolean nullable) {
}
