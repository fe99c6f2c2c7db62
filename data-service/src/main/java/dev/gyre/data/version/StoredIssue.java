package dev.gyre.data.version;

/**
 * A validation issue as stored in a version's jsonb {@code issues}, apart from the wire's ValidationIssueResponse;
 * {@code severity} is null in issues stored before severities (all of them errors).
 */
record StoredIssue(String rule, String column, Integer row, String message, String severity) {
}
