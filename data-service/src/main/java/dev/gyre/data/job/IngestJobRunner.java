package dev.gyre.data.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.gyre.core.blob.BlobStore;
import dev.gyre.core.columnar.ColumnarEngine;
import dev.gyre.core.columnar.LoadCancelledException;
import dev.gyre.core.columnar.LoadProgress;
import dev.gyre.data.dataset.DatasetService;
import dev.gyre.data.version.IngestService;
import dev.gyre.data.version.IngestService.Format;
import dev.gyre.data.version.Upload;
import dev.gyre.data.job.IngestJobs.JobQueued;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The background workers ({@code gyre.data.jobs.workers}). Each takes the oldest QUEUED job, copies its upload out
 * of the blob store, ingests it with progress written to the job row (where a cancel is read back), and looks
 * again. The queue is the database: on start-up, jobs left RUNNING by a dead process go back to QUEUED and run
 * again from their stored upload; a version is written in one transaction, so it exists whole or not at all.
 */
@Component
class IngestJobRunner implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(IngestJobRunner.class);
    private static final long STOP_WAIT_SECONDS = 30;
    private static final long PROGRESS_EVERY_MILLIS = 1_000;

    private final IngestJobStore store;
    private final IngestJobRepository jobs;
    private final IngestService ingest;
    private final DatasetService datasets;
    private final BlobStore blobs;
    private final ColumnarEngine engine;
    private final BlobSweep sweep;
    private final JobProperties properties;
    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private ExecutorService workers;

    IngestJobRunner(IngestJobStore store, IngestJobRepository jobs, IngestService ingest, DatasetService datasets,
                    BlobStore blobs, ColumnarEngine engine, BlobSweep sweep, JobProperties properties) {
        this.store = store;
        this.jobs = jobs;
        this.ingest = ingest;
        this.datasets = datasets;
        this.blobs = blobs;
        this.engine = engine;
        this.sweep = sweep;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        int requeued = store.requeueOrphans(Set.copyOf(held));
        if (requeued > 0) {
            log.warn("Re-queued {} ingest job(s) left RUNNING by a previous run of data-service", requeued);
        }
        AtomicInteger count = new AtomicInteger();
        workers = Executors.newFixedThreadPool(properties.workers(), r -> {
            Thread thread = new Thread(r, "ingest-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < properties.workers(); i++) {
            workers.submit(this::work);
        }
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

    @EventListener
    void onQueued(JobQueued event) {
        wake.release();
    }

    private void work() {
        while (running) {
            Optional<IngestJob> job;
            synchronized (held) {
                job = store.claimNext();
                job.ifPresent(j -> held.add(j.getId()));
            }
            if (job.isPresent()) {
                try {
                    run(job.get());
                } catch (RuntimeException e) {
                    log.error("Ingest job {} could not be brought to an end state; it is re-queued on the next start",
                            job.get().getId(), e);
                } finally {
                    held.remove(job.get().getId());
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

    private void run(IngestJob job) {
        long id = job.getId();
        String dataset = datasets.nameOf(job.getDatasetId());
        Path file = engine.tempFile(".upload");
        try {
            try (InputStream in = blobs.open(job.getUploadKey()).orElseThrow(() -> new IllegalStateException(
                    "the upload " + job.getUploadKey() + " of ingest job " + id + " is missing"))) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            Upload upload = new Upload(file, job.getUploadKey(), job.getUploadSize());
            var ingested = ingest.ingest(dataset, upload, Format.valueOf(job.getFormat()), job.getSource(), "body",
                    progress(id, job.getUploadSize()));
            store.succeed(id, ingested.version().version());
        } catch (LoadCancelledException e) {
            if (running) {
                store.cancelled(id);
            } else {
                store.requeue(id); // stopping, not cancelled: the next start runs it again
                return;
            }
        } catch (ErrorResponseException e) {
            Map<String, Object> properties = e.getBody().getProperties();
            Object code = properties == null ? null : properties.get("code");
            store.fail(id, code == null ? "ingest-failed" : code.toString(), e.getBody().getDetail());
        } catch (IOException | RuntimeException e) {
            if (!running) {
                store.requeue(id); // stopping: the next start runs it again
                return;
            }
            log.error("Ingest job {} failed", id, e);
            store.fail(id, "internal-error", "the ingest failed inside data-service: " + e.getMessage());
        } finally {
            Upload.deleteQuietly(file);
        }
        sweep.deleteIfUnreferenced(job.getUploadKey());
    }

    /** Writes progress at most once a second and answers false once a cancel was asked for or the runner stops. */
    private LoadProgress progress(long id, long totalBytes) {
        long[] last = {0};
        return (rows, fraction) -> {
            long now = System.currentTimeMillis();
            if (!running) {
                return false;
            }
            if (now - last[0] < PROGRESS_EVERY_MILLIS && fraction < 1) {
                return true;
            }
            last[0] = now;
            return store.progress(id, rows, (long) (fraction * totalBytes));
        };
    }
}
