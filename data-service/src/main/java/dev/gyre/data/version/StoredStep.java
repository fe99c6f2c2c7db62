package dev.gyre.data.version;

/** One curation step's outcome as the {@code curation} column stores it. */
record StoredStep(String op, long rowsChanged, long valuesChanged) {
}
