package dev.gyre.training.job;

/** Why a job failed, in words for its {@code error} field (a peer's failure names the peer). */
final class TrainingFailure extends RuntimeException {
    TrainingFailure(String message) {
        super(message);
    }
}
