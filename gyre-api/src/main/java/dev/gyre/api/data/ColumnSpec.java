package dev.gyre.api.data;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A column: its name, type and whether it may hold missing values; as a declared column, also the rules its values
 * are checked against. {@code required} (default true): the column must be in the file. {@code min}/{@code max}:
 * numeric bounds, inclusive. {@code allowed}: the only values it may hold. {@code pattern}: a regular expression a
 * text value must match in full. {@code unique}: no value twice. {@code maxMissingRate}: the share of missing values
 * allowed, 0 to 1. {@code severity}: {@code "error"} (default; the version is INVALID) or {@code "warning"}
 * (reported, the version stays VALID), for every rule of the column.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnSpec(String name, ColumnType type, Boolean nullable, Boolean required, Double min, Double max,
                         List<String> allowed, String pattern, Boolean unique, Double maxMissingRate,
                         String severity) {
    /** A column with no rules beyond its type and nullability. */
    public ColumnSpec(String name, ColumnType type, Boolean nullable) {
        this(name, type, nullable, null, null, null, null, null, null, null, null);
    }
}
