package dev.gyre.data.job;

import java.util.Optional;
import java.util.Set;

import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change of a job's state, each in its own transaction under the row's lock. A change out of RUNNING only
 * happens while the job is still RUNNING: a cancel that lands first wins.
 */
@Component
class IngestJobStore {
    private final IngestJobRepository jobs;

    IngestJobStore(IngestJobRepository jobs) {
        this.jobs = jobs;
    }

    @Transactional
    public IngestJob queue(IngestJob job) {
        return jobs.save(job);
    }

    /** Takes the oldest QUEUED job and marks it RUNNING. */
    @Transactional
    public Optional<IngestJob> claimNext() {
        Optional<IngestJob> next = jobs.lockNextQueued();
        next.ifPresent(IngestJob::start);
        return next;
    }

    /** Records progress; answers whether the job should go on (false once a cancel was asked for). */
    @Transactional
    public boolean progress(long id, long rows, long bytes) {
        return jobs.lock(id).filter(j -> IngestJob.RUNNING.equals(j.getStatus())).map(j -> {
            j.progress(rows, bytes);
            return !j.isCancelRequested();
        }).orElse(false);
    }

    @Transactional
    public void succeed(long id, int version) {
        running(id).ifPresent(j -> j.succeed(version));
    }

    @Transactional
    public void fail(long id, String code, String detail) {
        running(id).ifPresent(j -> j.fail(code, detail));
    }

    @Transactional
    public void cancelled(long id) {
        running(id).ifPresent(IngestJob::cancel);
    }

    @Transactional
    public void requeue(long id) {
        running(id).ifPresent(IngestJob::requeue);
    }

    /** Puts RUNNING jobs that no worker of this process holds back in the queue; returns how many. */
    @Transactional
    public int requeueOrphans(Set<Long> heldHere) {
        int count = 0;
        for (Long id : jobs.running()) {
            if (!heldHere.contains(id)) {
                Optional<IngestJob> job = running(id);
                job.ifPresent(IngestJob::requeue);
                count += job.isPresent() ? 1 : 0;
            }
        }
        return count;
    }

    /** QUEUED → CANCELLED at once; RUNNING → cancel asked (the worker stops at its next report); 409 if finished. */
    @Transactional
    public IngestJob cancel(long datasetId, long id) {
        IngestJob job = jobs.lock(id).filter(j -> j.getDatasetId() == datasetId)
                .orElseThrow(() -> Problems.notFound("Ingest job", Long.toString(id)));
        if (job.isFinished()) {
            throw Problems.of(ProblemCode.JOB_FINISHED, "ingest job " + id + " is already " + job.getStatus());
        }
        if (IngestJob.QUEUED.equals(job.getStatus())) {
            job.cancel();
        } else {
            job.requestCancel();
        }
        return job;
    }

    private Optional<IngestJob> running(long id) {
        return jobs.lock(id).filter(j -> IngestJob.RUNNING.equals(j.getStatus()));
    }
}
