package dev.gyre.training.job;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The background workers ({@code gyre.training.workers}, 1 by default). Each takes the oldest QUEUED
 * job from the database, runs it, and looks again; an idle worker wakes when a job is queued here or
 * every {@code gyre.training.poll-interval}. The queue is the database: on start-up, jobs left RUNNING
 * by a crash go back to QUEUED ({@link #recover}); on shutdown, a running job stops at its next
 * checkpoint and goes back to QUEUED too.
 */
@Component
class TrainingJobRunner implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(TrainingJobRunner.class);
    private static final long STOP_WAIT_SECONDS = 30;

    private final JobStore store;
    private final TrainingPipeline pipeline;
    private final TrainingProperties properties;
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private final Semaphore wake = new Semaphore(0);
    private final Object claimLock = new Object();
    private volatile boolean running;
    private ExecutorService workers;

    TrainingJobRunner(JobStore store, TrainingPipeline pipeline, TrainingProperties properties) {
        this.store = store;
        this.pipeline = pipeline;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        recover();
        AtomicInteger count = new AtomicInteger();
        workers = Executors.newFixedThreadPool(properties.workers(), r -> {
            Thread thread = new Thread(r, "training-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < properties.workers(); i++) {
            workers.submit(this::work);
        }
        log.info("Training runner started with {} worker(s)", properties.workers());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake.release(properties.workers());
        workers.shutdown();
        try {
            if (!workers.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("Training workers still busy after {} s; their jobs will be re-queued on the next start",
                        STOP_WAIT_SECONDS);
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Puts jobs left RUNNING by a dead runner back in the queue (jobs this process's workers hold are
     * left alone) and wakes the workers. Called on start-up.
     *
     * @return how many jobs went back to the queue
     */
    public int recover() {
        int requeued;
        synchronized (claimLock) {
            requeued = store.requeueOrphans(Set.copyOf(held));
        }
        if (requeued > 0) {
            log.warn("Re-queued {} training job(s) left RUNNING by a previous run of the service", requeued);
            wake.release(requeued);
        }
        return requeued;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onQueued(JobQueued event) {
        wake.release();
    }

    private void work() {
        while (running) {
            Optional<TrainingJob> job = claim();
            if (job.isPresent()) {
                UUID id = job.get().getId();
                try {
                    pipeline.run(job.get(), () -> checkpoint(id));
                } catch (RuntimeException e) {
                    // the pipeline records every failure itself; this is the database failing under it
                    log.error("Training job {} could not be brought to an end state; it stays RUNNING until recovered", id, e);
                } finally {
                    held.remove(id);
                }
            } else {
                try {
                    wake.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private Optional<TrainingJob> claim() {
        try {
            synchronized (claimLock) {
                Optional<TrainingJob> job = store.claimNext();
                job.ifPresent(j -> held.add(j.getId()));
                return job;
            }
        } catch (RuntimeException e) {
            log.warn("Could not look for queued training jobs: {}", e.toString());
            return Optional.empty();
        }
    }

    private void checkpoint(UUID id) {
        if (!running) {
            throw new Checkpoint.Stopping();
        }
        if (!store.isRunning(id)) {
            throw new Checkpoint.Cancelled();
        }
    }
}
