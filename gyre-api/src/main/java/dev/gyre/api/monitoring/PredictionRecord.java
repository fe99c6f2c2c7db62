package dev.gyre.api.monitoring;

import java.time.Instant;
import java.util.Map;

/** One logged prediction: the instance as sent, and what the model answered. */
public record PredictionRecord(String id, String deployment, String model, int version, Instant timestamp,
                               Map<String, Object> inputs, String label, Double value, Map<String, Double> scores) {
}
