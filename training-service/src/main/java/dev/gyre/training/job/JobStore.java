package dev.gyre.training.job;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.training.RegisteredModel;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change of a job's state, each in its own transaction under a row lock. A transition out of
 * RUNNING only happens if the job is still RUNNING: a cancel that lands while the job trains wins, and
 * the runner's later "succeeded" is then ignored.
 */
@Component
class JobStore {
    private final TrainingJobRepository jobs;

    JobStore(TrainingJobRepository jobs) {
        this.jobs = jobs;
    }

    /** Takes the oldest QUEUED job and marks it RUNNING. */
    @Transactional
    public Optional<TrainingJob> claimNext() {
        Optional<TrainingJob> next = jobs.lockNextQueued();
        next.ifPresent(TrainingJob::start);
        return next;
    }

    @Transactional(readOnly = true)
    public boolean isRunning(UUID id) {
        return jobs.statusOf(id).orElse(null) == JobStatus.RUNNING;
    }

    @Transactional
    public void progress(UUID id, int done) {
        jobs.lock(id).filter(j -> j.getStatus() == JobStatus.RUNNING).ifPresent(j -> j.progress(done));
    }

    /** @return false if the job was no longer RUNNING (cancelled meanwhile) */
    @Transactional
    public boolean succeed(UUID id, UUID bestRun, RegisteredModel registered) {
        return jobs.lock(id).filter(j -> j.getStatus() == JobStatus.RUNNING)
                .map(j -> {
                    j.succeed(bestRun, registered);
                    return true;
                }).orElse(false);
    }

    /** @return false if the job was no longer RUNNING */
    @Transactional
    public boolean fail(UUID id, String error) {
        return jobs.lock(id).filter(j -> j.getStatus() == JobStatus.RUNNING)
                .map(j -> {
                    j.fail(error);
                    return true;
                }).orElse(false);
    }

    @Transactional
    public void requeue(UUID id) {
        jobs.lock(id).filter(j -> j.getStatus() == JobStatus.RUNNING).ifPresent(TrainingJob::requeue);
    }

    /** Puts RUNNING jobs that no worker of this process holds back in the queue; returns how many. */
    @Transactional
    public int requeueOrphans(Set<UUID> heldHere) {
        int count = 0;
        for (UUID id : jobs.idsByStatus(JobStatus.RUNNING)) {
            if (!heldHere.contains(id)) {
                Optional<TrainingJob> locked = jobs.lock(id).filter(j -> j.getStatus() == JobStatus.RUNNING);
                locked.ifPresent(TrainingJob::requeue);
                count += locked.isPresent() ? 1 : 0;
            }
        }
        return count;
    }

    /** QUEUED or RUNNING → CANCELLED; 404 for an unknown job, 409 for a finished one. */
    @Transactional
    public TrainingJob cancel(UUID id) {
        TrainingJob job = jobs.lock(id).orElseThrow(() -> Problems.notFound("training job", id.toString()));
        if (job.getStatus().isFinished()) {
            throw Problems.of(ProblemCode.JOB_FINISHED, "training job " + id + " is already " + job.getStatus()
                    + " and cannot be cancelled");
        }
        job.cancel();
        return job;
    }
}
