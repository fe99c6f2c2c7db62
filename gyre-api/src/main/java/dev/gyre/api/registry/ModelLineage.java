package dev.gyre.api.registry;

/** Where a model version came from. */
public record ModelLineage(String dataset, Integer datasetVersion, String datasetContentHash, String trainingJob,
                           String run, String algorithm, String codeVersion) {
}
