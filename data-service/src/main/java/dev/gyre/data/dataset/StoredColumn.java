package dev.gyre.data.dataset;

/**
 * A declared column as stored in the dataset's jsonb column, apart from the wire's {@code ColumnSpec}: {@code type}
 * is the wire spelling ({@code "numeric"}, {@code "categorical"}, {@code "boolean"}), so rows written before this
 * record read unchanged.
 */
record StoredColumn(String name, String type, Boolean nullable) {
}
