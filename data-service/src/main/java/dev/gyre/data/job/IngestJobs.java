package dev.gyre.data.job;

import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import dev.gyre.api.Caller;
import dev.gyre.api.Problems;
import dev.gyre.api.data.DatasetVersionResponse;
import dev.gyre.api.data.IngestJobResponse;
import dev.gyre.core.blob.BlobStore;
import dev.gyre.data.dataset.DatasetService;
import dev.gyre.data.dataset.DatasetService.DatasetRef;
import dev.gyre.data.version.IngestService;
import dev.gyre.data.version.IngestService.Format;
import dev.gyre.data.version.IngestService.Ingested;
import dev.gyre.data.version.Upload;
import dev.gyre.core.columnar.LoadProgress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Where an upload goes once received: a small one is ingested at once; a larger one ({@code gyre.data.jobs.
 * async-above}) is stored in the blob store, then queued as a job, and answered 202 — so that a crash after the
 * answer loses nothing. A client that sends {@code Prefer: wait} is answered when the ingest has ended (or the wait
 * is over); up to {@code gyre.data.jobs.waited-in-request-up-to} its upload is ingested in the request, as a small
 * one is. The same bytes as an existing version answer that version, at any size.
 */
@Service
public class IngestJobs {
    private final IngestService ingest;
    private final DatasetService datasets;
    private final IngestJobStore store;
    private final IngestJobRepository jobs;
    private final BlobStore blobs;
    private final JobProperties properties;
    private final ApplicationEventPublisher events;
    private final JobWaits waits;
    private final Semaphore inRequest;

    IngestJobs(IngestService ingest, DatasetService datasets, IngestJobStore store, IngestJobRepository jobs,
               BlobStore blobs, JobProperties properties, ApplicationEventPublisher events, JobWaits waits) {
        this.ingest = ingest;
        this.datasets = datasets;
        this.store = store;
        this.jobs = jobs;
        this.blobs = blobs;
        this.properties = properties;
        this.events = events;
        this.waits = waits;
        this.inRequest = new Semaphore(properties.workers());
    }

    /** What became of an upload: a version (new or known) or a queued job. */
    public sealed interface Accepted permits Done, Queued {
    }

    public record Done(Ingested ingested) implements Accepted {
    }

    public record Queued(IngestJobResponse job) implements Accepted {
    }

    /**
     * Receives an upload; a queued one is waited for up to {@code wait} (at most {@link JobWaits#MAX_WAIT}), and
     * answered as its version if it succeeded by then, as the job as it stands otherwise.
     */
    public Accepted accept(String datasetName, InputStream body, Format format, String field, Caller caller,
                           Duration wait) {
        Accepted accepted = accept(datasetName, body, format, field, caller, !wait.isZero());
        if (!(accepted instanceof Queued queued) || wait.isZero()) {
            return accepted;
        }
        IngestJob job = waits.await(queued.job().id(), wait, () -> read(queued.job().id()));
        if (IngestJob.SUCCEEDED.equals(job.getStatus())) {
            Optional<DatasetVersionResponse> version = ingest.known(datasetName, job.getUploadKey());
            if (version.isPresent()) {
                return new Done(new Ingested(version.get(), true));
            }
        }
        return new Queued(toResponse(job, queued.job().dataset()));
    }

    private Accepted accept(String datasetName, InputStream body, Format format, String field, Caller caller,
                            boolean waited) {
        Upload upload = ingest.receive(datasetName, body, format, field);
        boolean small = upload.size() <= properties.asyncAbove().toBytes();
        // A client that waits for the answer gets no 202 and so no promise to keep after a crash: up to a size, and
        // as many at once as there are workers, its upload is ingested right here, not stored and copied back.
        boolean permitted = !small && waited && upload.size() <= properties.waitedInRequestUpTo().toBytes()
                && inRequest.tryAcquire();
        if (small || permitted) {
            try {
                return new Done(ingest.ingest(datasetName, upload, format, IngestService.SOURCE_UPLOAD, field,
                        LoadProgress.NONE));
            } finally {
                if (permitted) {
                    inRequest.release();
                }
            }
        }
        try (upload) {
            Optional<DatasetVersionResponse> known = ingest.known(datasetName, upload.sha256());
            if (known.isPresent()) {
                return new Done(new Ingested(known.get(), false));
            }
            DatasetRef dataset = datasets.require(datasetName);
            Optional<IngestJob> same = jobs.unfinished(dataset.id(), upload.sha256());
            if (same.isPresent()) {
                return new Queued(toResponse(same.get(), dataset.name()));
            }
            blobs.put(upload.file()); // stored before the job row: the 202 promises nothing that is not on disk
            IngestJob job = store.queue(new IngestJob(dataset.id(), format.name(), IngestService.SOURCE_UPLOAD,
                    upload.sha256(), upload.size(), caller == null ? null : caller.user()));
            events.publishEvent(new JobQueued(job.getId()));
            return new Queued(toResponse(job, dataset.name()));
        }
    }

    /** The job, once it has ended or after {@code wait} (at most {@link JobWaits#MAX_WAIT}), whichever is first. */
    public IngestJobResponse get(String datasetName, long id, Duration wait) {
        DatasetRef dataset = datasets.require(datasetName);
        IngestJob job = jobs.findById(id).filter(j -> j.getDatasetId().equals(dataset.id()))
                .orElseThrow(() -> Problems.notFound("Ingest job", datasetName + "/" + id));
        if (!wait.isZero()) {
            job = waits.await(id, wait, () -> read(id));
        }
        return toResponse(job, dataset.name());
    }

    private IngestJob read(long id) {
        return jobs.findById(id).orElseThrow(() -> new IllegalStateException("ingest job " + id + " is gone"));
    }

    public IngestJobResponse cancel(String datasetName, long id) {
        DatasetRef dataset = datasets.require(datasetName);
        return toResponse(store.cancel(dataset.id(), id), dataset.name());
    }

    static IngestJobResponse toResponse(IngestJob job, String dataset) {
        return new IngestJobResponse(job.getId(), dataset, job.getStatus(),
                new IngestJobResponse.Progress(job.getRowsRead(), job.getBytesRead(), job.getUploadSize()),
                job.getVersion(), job.getErrorCode() == null ? null
                : new IngestJobResponse.Error(job.getErrorCode(), job.getErrorDetail()),
                job.getSubmittedBy(), job.getCreatedAt(), job.getStartedAt(), job.getFinishedAt());
    }

    /** Published when a job is queued; the runner wakes after the commit. */
    record JobQueued(long id) {
    }
}
