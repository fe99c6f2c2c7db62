package dev.gyre.core.table;

/**
 * One way a table breaks its declared schema.
 *
 * @param rule     {@code missing-column}, {@code unexpected-column}, {@code type}, {@code not-null}, {@code min},
 *                 {@code max}, {@code allowed}, {@code pattern}, {@code unique}, {@code max-missing-rate} or
 *                 {@code min-rows}
 * @param column   the column at fault, null for a rule of the whole dataset
 * @param row      1-based data row (the header is not counted), or {@code null} for column-level issues
 *                 and for the summary of issues beyond the cap
 * @param message  human-readable explanation
 * @param severity what the issue does to the version
 */
public record ValidationIssue(String rule, String column, Integer row, String message, Severity severity) {
    public ValidationIssue(String rule, String column, Integer row, String message) {
        this(rule, column, row, message, Severity.ERROR);
    }
}
