package dev.gyre.monitoring.prediction;

import java.time.Instant;
import java.util.Map;

/** A logged prediction as drift evaluation reads it: its inputs and what the model answered. */
public record LoggedPrediction(String id, Instant timestamp, Map<String, Object> inputs, String label,
                               Double value) {
}
