package dev.gyre.serving.deployment;

import dev.gyre.core.bundle.Predictor;

/** A verified model version held in memory, ready to predict. */
public record LoadedModel(String model, int version, String sha256, Predictor predictor) {
}
