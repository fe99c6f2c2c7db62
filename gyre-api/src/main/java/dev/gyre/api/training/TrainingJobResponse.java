package dev.gyre.api.training;

import java.time.Instant;
import java.util.List;

/** {@code status}: QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED. */
public record TrainingJobResponse(String id, String status, TrainingJobRequest request, Progress progress,
                                  List<RunResponse> runs, RunResponse bestRun, RegisteredModel registered,
                                  String error, Instant createdAt, Instant startedAt, Instant finishedAt) {
}
