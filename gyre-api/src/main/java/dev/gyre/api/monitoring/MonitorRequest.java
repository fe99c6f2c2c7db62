package dev.gyre.api.monitoring;

import java.util.Map;

/**
 * {@code PUT /api/v1/monitors/{deployment}}. {@code label} overrides the reference dataset's label column;
 * {@code retrain} ({@code enabled, minLabels, cooldown}) and {@code promotion} ({@code metric,
 * minImprovement}) are stored as given.
 */
public record MonitorRequest(ReferenceSpec reference, String label, WindowSpec window, ThresholdsSpec thresholds,
                             Map<String, Object> retrain, Map<String, Object> promotion) {
}
