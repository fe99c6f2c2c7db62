package dev.gyre.api.training;

import java.time.Instant;
import java.util.Map;

/** One trained and evaluated candidate. */
public record RunResponse(String id, String experiment, String jobId, String algorithm, Map<String, Object> params,
                          Map<String, Double> metrics, long durationMs, String status, String error,
                          Instant createdAt) {
}
