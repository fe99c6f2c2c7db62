package dev.gyre.training.job;

import java.time.Instant;
import java.util.UUID;

import dev.gyre.api.training.RegisteredModel;
import dev.gyre.api.training.TrainingJobRequest;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A persisted training job. {@code request} is the validated request with defaults filled in, so that
 * a job re-run after a restart (or re-submitted by a retrain policy) trains exactly the same way.
 */
@Entity
@Table(name = "training_job")
class TrainingJob {
    @Id
    private UUID id;

    @Column(nullable = false)
    private String experiment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private StoredJobRequest request;

    @Column(name = "progress_done", nullable = false)
    private int progressDone;

    @Column(name = "progress_total", nullable = false)
    private int progressTotal;

    @Column(name = "best_run_id")
    private UUID bestRunId;

    @JdbcTypeCode(SqlTypes.JSON)
    private StoredJobRequest.Registration registered;

    private String error;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "submitted_by")
    private String submittedBy;

    protected TrainingJob() {
    }

    /** A new job, QUEUED, submitted by {@code submittedBy} (the actor registrations are made for). */
    public TrainingJob(TrainingJobRequest request, int totalRuns, String submittedBy) {
        this(UUID.randomUUID(), request, JobStatus.QUEUED, totalRuns);
        this.submittedBy = submittedBy;
    }

    TrainingJob(UUID id, TrainingJobRequest request, JobStatus status, int totalRuns) {
        this.id = id;
        this.experiment = request.experiment();
        this.status = status;
        this.request = TrainingJobs.stored(request);
        this.progressTotal = totalRuns;
        this.createdAt = Instant.now();
        if (status == JobStatus.RUNNING) {
            this.startedAt = createdAt;
        }
    }

    void start() {
        status = JobStatus.RUNNING;
        startedAt = Instant.now();
        progressDone = 0;
        error = null;
    }

    /** Back to the queue (its runner died or is stopping); runs already written stay in the experiment. */
    void requeue() {
        status = JobStatus.QUEUED;
        startedAt = null;
        progressDone = 0;
    }

    void progress(int done) {
        progressDone = done;
    }

    void succeed(UUID bestRun, RegisteredModel registeredModel) {
        finish(JobStatus.SUCCEEDED);
        bestRunId = bestRun;
        registered = TrainingJobs.stored(registeredModel);
    }

    void fail(String message) {
        finish(JobStatus.FAILED);
        error = message;
    }

    void cancel() {
        finish(JobStatus.CANCELLED);
    }

    private void finish(JobStatus outcome) {
        status = outcome;
        finishedAt = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public String getExperiment() {
        return experiment;
    }

    public JobStatus getStatus() {
        return status;
    }

    StoredJobRequest getRequest() {
        return request;
    }

    public int getProgressDone() {
        return progressDone;
    }

    public int getProgressTotal() {
        return progressTotal;
    }

    public UUID getBestRunId() {
        return bestRunId;
    }

    StoredJobRequest.Registration getRegistered() {
        return registered;
    }

    public String getError() {
        return error;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    /** Null for jobs stored before submitters were recorded. */
    public String getSubmittedBy() {
        return submittedBy;
    }
}
