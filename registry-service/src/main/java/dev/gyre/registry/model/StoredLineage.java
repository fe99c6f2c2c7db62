package dev.gyre.registry.model;

/**
 * Where a model version came from, as stored in its jsonb column, apart from the wire's {@code ModelLineage}: the
 * field names are the ones rows were written with, so a change to the contract cannot change the database.
 */
record StoredLineage(String dataset, Integer datasetVersion, String datasetContentHash, String trainingJob,
                     String run, String algorithm, String codeVersion) {
}
