package dev.gyre.data.job;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Lets a request wait for an ingest job to end, for a client that sent {@code Prefer: wait=N} (RFC 7240) instead
 * of polling. The runner of this process wakes the waiters of a job the moment it ends; a job run by another
 * instance is noticed by reading it again every quarter of a second.
 */
@Component
class JobWaits {
    /** Below the gateway's 30 s limit for a call to data-service, so that a wait never ends in a 504. */
    static final Duration MAX_WAIT = Duration.ofSeconds(20);
    private static final long RECHECK_MILLIS = 250;

    private final ConcurrentMap<Long, CompletableFuture<Void>> ends = new ConcurrentHashMap<>();

    /** Called by the runner once a job is SUCCEEDED, FAILED or CANCELLED (or handed back to the queue). */
    void ended(long id) {
        CompletableFuture<Void> end = ends.remove(id);
        if (end != null) {
            end.complete(null);
        }
    }

    /**
     * Reads the job ({@code read}: as it stands now) until it has ended or {@code wait} (at most
     * {@link #MAX_WAIT}) has passed, and answers the last reading.
     */
    IngestJob await(long id, Duration wait, Supplier<IngestJob> read) {
        long deadline = System.nanoTime() + Math.min(wait.toNanos(), MAX_WAIT.toNanos());
        while (true) {
            CompletableFuture<Void> end = ends.computeIfAbsent(id, k -> new CompletableFuture<>());
            IngestJob job = read.get(); // after registering: an end between the two is not missed
            long left = deadline - System.nanoTime();
            if (job.isFinished() || left <= 0) {
                ends.remove(id, end);
                return job;
            }
            try {
                end.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS)), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // read it again: another instance may have run it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ends.remove(id, end);
                return read.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
