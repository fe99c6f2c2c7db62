package dev.gyre.training.job;

import java.util.UUID;

/** Published when a job has been queued; the runner wakes once the transaction commits. */
record JobQueued(UUID id) {
}
