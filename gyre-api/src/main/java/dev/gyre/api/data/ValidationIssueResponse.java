package dev.gyre.api.data;

/**
 * One broken rule; {@code row} is the 1-based data row when the issue is about a cell; {@code severity} is
 * {@code "error"} or {@code "warning"}.
 */
public record ValidationIssueResponse(String rule, String column, Integer row, String message, String severity) {
}
