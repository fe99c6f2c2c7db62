package dev.gyre.training.job;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.gyre.boot.queue.QueueWorkers;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The background workers ({@code gyre.training.workers}, 1 by default), over the queue in the database
 * ({@link QueueWorkers}): on start-up, jobs left RUNNING by a crash go back to QUEUED ({@link #recover}); on
 * shutdown, a running job stops at its next checkpoint and goes back to QUEUED too.
 */
@Component
class TrainingJobRunner implements SmartLifecycle, QueueWorkers.Queue<TrainingJob, UUID> {
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final JobStore store;
    private final TrainingPipeline pipeline;
    private final QueueWorkers<TrainingJob, UUID> workers;

    TrainingJobRunner(JobStore store, TrainingPipeline pipeline, TrainingProperties properties) {
        this.store = store;
        this.pipeline = pipeline;
        this.workers = new QueueWorkers<>("training", properties.workers(), properties.pollInterval(), STOP_WAIT,
                this);
    }

    @Override
    public void start() {
        workers.start();
    }

    @Override
    public void stop() {
        workers.stop();
    }

    @Override
    public boolean isRunning() {
        return workers.isRunning();
    }

    /** Puts jobs left RUNNING by a dead runner back in the queue; returns how many. Called on start-up. */
    public int recover() {
        return workers.recover();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onQueued(JobQueued event) {
        workers.wake();
    }

    @Override
    public Optional<TrainingJob> claimNext() {
        return store.claimNext();
    }

    @Override
    public UUID idOf(TrainingJob job) {
        return job.getId();
    }

    @Override
    public void run(TrainingJob job) {
        // the pipeline records every failure itself; what escapes is the database failing under it
        pipeline.run(job, () -> checkpoint(job.getId()));
    }

    @Override
    public int requeueOrphans(Set<UUID> heldHere) {
        return store.requeueOrphans(heldHere);
    }

    private void checkpoint(UUID id) {
        if (!workers.isRunning()) {
            throw new Checkpoint.Stopping();
        }
        if (!store.isRunning(id)) {
            throw new Checkpoint.Cancelled();
        }
    }
}
