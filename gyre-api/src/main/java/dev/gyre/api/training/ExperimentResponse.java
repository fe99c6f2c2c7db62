package dev.gyre.api.training;

import java.time.Instant;

/** An experiment: the runs of every job that named it. */
public record ExperimentResponse(String name, long jobs, long runs, Instant createdAt) {
}
