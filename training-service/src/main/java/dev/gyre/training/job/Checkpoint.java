package dev.gyre.training.job;

/** Called between candidates and folds: throws to stop a job that was cancelled or whose runner is stopping. */
@FunctionalInterface
interface Checkpoint {
    void check();

    /** The job was cancelled through the API. */
    final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    /** The service is shutting down: the job goes back to the queue. */
    final class Stopping extends RuntimeException {
        Stopping() {
            super("stopping", null, false, false);
        }
    }
}
