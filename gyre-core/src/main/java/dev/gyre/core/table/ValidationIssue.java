package dev.gyre.core.table;

/**
 * One way a table breaks its declared schema.
 *
 * @param rule    {@code missing-column}, {@code unexpected-column}, {@code type} or {@code not-null}
 * @param column  the column at fault
 * @param row     1-based data row (the header is not counted), or {@code null} for column-level issues
 *                and for the summary of issues beyond the cap
 * @param message human-readable explanation
 */
public record ValidationIssue(String rule, String column, Integer row, String message) {
}
