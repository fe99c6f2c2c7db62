package dev.gyre.api.training;

/** A training job's state: QUEUED → RUNNING → SUCCEEDED / FAILED, or CANCELLED. Written by name, as the services have always answered it. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED
}
