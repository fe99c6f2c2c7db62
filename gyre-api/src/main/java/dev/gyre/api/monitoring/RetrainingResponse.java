package dev.gyre.api.monitoring;

import java.time.Instant;
import java.util.UUID;

/** One retrain attempt: what triggered it, the training job, its outcome, and whether it was promoted. */
public record RetrainingResponse(UUID id, String trigger, String jobId, String outcome, boolean promoted,
                                 Instant at) {
}
