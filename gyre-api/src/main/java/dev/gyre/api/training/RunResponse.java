package dev.gyre.api.training;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One trained and evaluated candidate. For k-fold, {@code metrics} are the means over the folds, {@code metricsStd}
 * their standard deviations and {@code folds} each fold's own metrics; after a hold-out both are empty.
 */
public record RunResponse(String id, String experiment, String jobId, String algorithm, Map<String, Object> params,
                          Map<String, Double> metrics, Map<String, Double> metricsStd,
                          List<Map<String, Double>> folds, long durationMs, String status, String error,
                          Instant createdAt) {
}
