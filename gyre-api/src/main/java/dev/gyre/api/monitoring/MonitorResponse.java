package dev.gyre.api.monitoring;

import java.time.Instant;
import java.util.Map;

/** A monitor with its effective window and thresholds (defaults filled in). */
public record MonitorResponse(String deployment, ReferenceSpec reference, String label, WindowSpec window,
                              ThresholdsSpec thresholds, Map<String, Object> retrain, Map<String, Object> promotion,
                              Instant createdAt, Instant updatedAt) {
}
