package dev.gyre.data.version;

/**
 * A version's column as stored in its jsonb {@code columns}, apart from the wire's {@code ColumnSpec}: {@code type}
 * is the wire spelling ({@code "numeric"}, ...), so rows written before this record read unchanged. (The dataset
 * feature keeps its own record for the declared schema.)
 */
record StoredColumn(String name, String type, Boolean nullable) {
}
