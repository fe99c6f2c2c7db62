package dev.gyre.training.job;

import java.util.List;

import dev.gyre.api.training.Candidate;
import dev.gyre.api.training.DatasetRef;
import dev.gyre.api.training.EvaluationMethod;
import dev.gyre.api.training.EvaluationSpec;
import dev.gyre.api.training.Progress;
import dev.gyre.api.training.RegisterSpec;
import dev.gyre.api.training.RegisteredModel;
import dev.gyre.api.training.TaskType;
import dev.gyre.api.training.TrainingJobRequest;
import dev.gyre.api.training.TrainingJobResponse;
import dev.gyre.training.run.Run;
import dev.gyre.training.run.Runs;

/** The one mapping between stored training jobs and the wire. */
final class TrainingJobs {
    private TrainingJobs() {
    }

    /** {@code jobRuns} null leaves the runs out (lists). */
    static TrainingJobResponse toResponse(TrainingJob job, List<Run> jobRuns, Run best) {
        return new TrainingJobResponse(job.getId().toString(),
                dev.gyre.api.training.JobStatus.valueOf(job.getStatus().name()), request(job),
                new Progress(job.getProgressDone(), job.getProgressTotal()),
                jobRuns == null ? null : jobRuns.stream().map(Runs::toResponse).toList(),
                best == null ? null : Runs.toResponse(best), registered(job.getRegistered()), job.getError(),
                job.getCreatedAt(), job.getStartedAt(), job.getFinishedAt(), job.getSubmittedBy());
    }

    /** The job's request as the pipeline and the wire read it. */
    static TrainingJobRequest request(TrainingJob job) {
        StoredJobRequest s = job.getRequest();
        StoredJobRequest.Evaluation e = s.evaluation();
        return new TrainingJobRequest(s.experiment(),
                s.dataset() == null ? null : new DatasetRef(s.dataset().name(), s.dataset().version(),
                        s.dataset().split()), s.label(),
                s.task() == null ? null : TaskType.of(s.task()),
                s.candidates() == null ? null : s.candidates().stream()
                        .map(c -> new Candidate(c.algorithm(), c.params(), c.search())).toList(),
                e == null ? null : new EvaluationSpec(e.method() == null ? null : EvaluationMethod.of(e.method()),
                        e.folds(), e.testFraction(), e.metric()),
                s.register() == null ? null : new RegisterSpec(s.register().model(), s.register().alias()), s.seed());
    }

    static StoredJobRequest stored(TrainingJobRequest r) {
        EvaluationSpec e = r.evaluation();
        return new StoredJobRequest(r.experiment(),
                r.dataset() == null ? null : new StoredJobRequest.Dataset(r.dataset().name(), r.dataset().version(),
                        r.dataset().split()),
                r.label(), r.task() == null ? null : r.task().json(),
                r.candidates() == null ? null : r.candidates().stream()
                        .map(c -> new StoredJobRequest.Candidate(c.algorithm(), c.params(), c.search())).toList(),
                e == null ? null : new StoredJobRequest.Evaluation(e.method() == null ? null : e.method().json(),
                        e.folds(), e.testFraction(), e.metric()),
                r.register() == null ? null : new StoredJobRequest.Register(r.register().model(), r.register().alias()),
                r.seed());
    }

    static StoredJobRequest.Registration stored(RegisteredModel m) {
        return m == null ? null : new StoredJobRequest.Registration(m.model(), m.version(), m.alias());
    }

    static RegisteredModel registered(StoredJobRequest.Registration r) {
        return r == null ? null : new RegisteredModel(r.model(), r.version(), r.alias());
    }
}
