package dev.gyre.core.bundle;

import java.util.Map;

/**
 * One prediction: {@code label} (and {@code scores} per class when the model gives probabilities) for
 * classification, {@code value} for regression; the other fields are null.
 */
public record Prediction(String label, Double value, Map<String, Double> scores) {
}
