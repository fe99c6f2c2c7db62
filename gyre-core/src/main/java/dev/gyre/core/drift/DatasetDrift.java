package dev.gyre.core.drift;

/** Dataset-level drift: how many features drifted, their share, and whether it reaches the threshold. */
public record DatasetDrift(int features, int drifted, double share, boolean datasetDrift) {
}
