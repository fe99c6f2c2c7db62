package dev.gyre.boot.queue;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Workers over a job queue kept in the database (the training queue, background ingests): each claims the oldest
 * queued job, runs it to an end state, and looks again; an idle worker sleeps until {@link #wake() woken} (a job was
 * queued here) or the poll interval passes. The jobs this process's workers hold are known, so that
 * {@link #recover()} puts back in the queue only what a dead process left RUNNING.
 *
 * @param <J> a claimed job
 * @param <K> its id
 */
public final class QueueWorkers<J, K> {
    private static final Logger log = LoggerFactory.getLogger(QueueWorkers.class);

    /** The queue, as the service's store sees it. */
    public interface Queue<J, K> {
        /** Takes the oldest queued job and marks it RUNNING, in one transaction. */
        Optional<J> claimNext();

        K idOf(J job);

        /** Runs the job to an end state; what it throws is logged and leaves the job to {@link #recover}. */
        void run(J job);

        /** Puts RUNNING jobs that none of {@code heldHere} is back in the queue; returns how many. */
        int requeueOrphans(Set<K> heldHere);
    }

    private final String name;
    private final int workers;
    private final Duration pollInterval;
    private final Duration stopWait;
    private final Queue<J, K> queue;
    private final Set<K> held = ConcurrentHashMap.newKeySet();
    private final Semaphore wake = new Semaphore(0);
    private final Object claimLock = new Object();
    private volatile boolean running;
    private ExecutorService threads;

    /**
     * @param name     the jobs' name in logs and thread names ("training", "ingest")
     * @param stopWait how long {@link #stop} waits for running jobs before it interrupts them
     */
    public QueueWorkers(String name, int workers, Duration pollInterval, Duration stopWait, Queue<J, K> queue) {
        this.name = name;
        this.workers = workers;
        this.pollInterval = pollInterval;
        this.stopWait = stopWait;
        this.queue = queue;
    }

    /** Re-queues what a dead process left RUNNING, then starts the workers. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        recover();
        AtomicInteger count = new AtomicInteger();
        threads = Executors.newFixedThreadPool(workers, r -> {
            Thread thread = new Thread(r, name + "-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < workers; i++) {
            threads.submit(this::work);
        }
        log.info("{} workers started: {}", name, workers);
    }

    /** Stops taking jobs; running ones see {@link #isRunning()} false and should stop at their next checkpoint. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake.release(workers);
        threads.shutdown();
        try {
            if (!threads.awaitTermination(stopWait.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} workers still busy after {}; their jobs are re-queued on the next start", name, stopWait);
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** A job was queued: an idle worker looks at once. */
    public void wake() {
        wake.release();
    }

    /**
     * Puts jobs left RUNNING by a dead process back in the queue (jobs this process's workers hold are left alone)
     * and wakes the workers.
     *
     * @return how many jobs went back to the queue
     */
    public int recover() {
        int requeued;
        synchronized (claimLock) {
            requeued = queue.requeueOrphans(Set.copyOf(held));
        }
        if (requeued > 0) {
            log.warn("Re-queued {} {} job(s) left RUNNING by a previous run of the service", requeued, name);
            wake.release(requeued);
        }
        return requeued;
    }

    private void work() {
        while (running) {
            Optional<J> job = claim();
            if (job.isPresent()) {
                K id = queue.idOf(job.get());
                try {
                    queue.run(job.get());
                } catch (RuntimeException e) {
                    log.error("{} job {} could not be brought to an end state; it stays RUNNING until recovered",
                            name, id, e);
                } finally {
                    held.remove(id);
                }
            } else {
                try {
                    wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private Optional<J> claim() {
        try {
            synchronized (claimLock) {
                Optional<J> job = queue.claimNext();
                job.ifPresent(j -> held.add(queue.idOf(j)));
                return job;
            }
        } catch (RuntimeException e) {
            log.warn("Could not look for queued {} jobs: {}", name, e.toString());
            return Optional.empty();
        }
    }
}
