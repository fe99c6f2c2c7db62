package dev.gyre.api.serving;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One prediction, with the {@code id} under which it is logged (feedback refers to it): {@code label} and
 * {@code scores} (when the model gives probabilities) for classification, {@code value} for regression.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PredictionResult(String id, String label, Double value, Map<String, Double> scores) {
}
