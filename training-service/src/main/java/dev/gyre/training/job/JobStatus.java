package dev.gyre.training.job;

/** The life of a training job: QUEUED → RUNNING → SUCCEEDED | FAILED, or CANCELLED from either of the first two. */
enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
