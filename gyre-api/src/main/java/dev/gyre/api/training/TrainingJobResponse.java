package dev.gyre.api.training;

import java.time.Instant;
import java.util.List;

/**
 * {@code submittedBy} is the gateway's
 * {@code X-Gyre-User} of the submission, "anonymous" without one, null for jobs older than the field.
 */
public record TrainingJobResponse(String id, JobStatus status, TrainingJobRequest request, Progress progress,
                                  List<RunResponse> runs, RunResponse bestRun, RegisteredModel registered,
                                  String error, Instant createdAt, Instant startedAt, Instant finishedAt,
                                  String submittedBy) {
}
