package dev.gyre.data.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.gyre.boot.queue.QueueWorkers;
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
 * The background workers ({@code gyre.data.jobs.workers}) over the queue in the database ({@link QueueWorkers}).
 * A job's upload is copied out of the blob store and ingested with progress written to the job row (where a
 * cancel is read back). On start-up, jobs left RUNNING by a dead process go back to QUEUED and run again from
 * their stored upload; a version is written in one transaction, so it exists whole or not at all.
 */
@Component
class IngestJobRunner implements SmartLifecycle, QueueWorkers.Queue<IngestJob, Long> {
    private static final Logger log = LoggerFactory.getLogger(IngestJobRunner.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static final long PROGRESS_EVERY_MILLIS = 1_000;

    private final IngestJobStore store;
    private final IngestService ingest;
    private final DatasetService datasets;
    private final BlobStore blobs;
    private final ColumnarEngine engine;
    private final BlobSweep sweep;
    private final JobWaits waits;
    private final QueueWorkers<IngestJob, Long> workers;

    IngestJobRunner(IngestJobStore store, IngestService ingest, DatasetService datasets, BlobStore blobs,
                    ColumnarEngine engine, BlobSweep sweep, JobProperties properties, JobWaits waits) {
        this.store = store;
        this.ingest = ingest;
        this.datasets = datasets;
        this.blobs = blobs;
        this.engine = engine;
        this.sweep = sweep;
        this.waits = waits;
        this.workers = new QueueWorkers<>("ingest", properties.workers(), properties.pollInterval(), STOP_WAIT, this);
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

    @EventListener
    void onQueued(JobQueued event) {
        workers.wake();
    }

    @Override
    public Optional<IngestJob> claimNext() {
        return store.claimNext();
    }

    @Override
    public Long idOf(IngestJob job) {
        return job.getId();
    }

    @Override
    public int requeueOrphans(Set<Long> heldHere) {
        return store.requeueOrphans(heldHere);
    }

    @Override
    public void run(IngestJob job) {
        try {
            runOnce(job);
        } finally {
            waits.ended(job.getId());
        }
    }

    private void runOnce(IngestJob job) {
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
            if (workers.isRunning()) {
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
            if (!workers.isRunning()) {
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
            if (!workers.isRunning()) {
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
