package dev.gyre.training.job;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.gyre.api.PageResponse;
import dev.gyre.api.Problems;
import dev.gyre.api.training.Progress;
import dev.gyre.api.training.RunResponse;
import dev.gyre.api.training.TrainingJobRequest;
import dev.gyre.api.training.TrainingJobResponse;
import dev.gyre.boot.page.Pages;
import dev.gyre.training.experiment.ExperimentRepository;
import dev.gyre.training.run.Run;
import dev.gyre.training.run.RunRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Submitting, reading, listing and cancelling training jobs. */
@Service
class TrainingJobService {
    private final TrainingJobValidator validator;
    private final TrainingJobRepository jobs;
    private final RunRepository runs;
    private final ExperimentRepository experiments;
    private final JobStore store;
    private final ApplicationEventPublisher events;
    private final DatasetCheck datasets;
    private final TransactionTemplate transaction;

    TrainingJobService(TrainingJobValidator validator, TrainingJobRepository jobs, RunRepository runs,
                       ExperimentRepository experiments, JobStore store, ApplicationEventPublisher events,
                       DatasetCheck datasets, PlatformTransactionManager transactions) {
        this.validator = validator;
        this.datasets = datasets;
        this.transaction = new TransactionTemplate(transactions);
        this.jobs = jobs;
        this.runs = runs;
        this.experiments = experiments;
        this.store = store;
        this.events = events;
    }

    /**
     * Validates everything, asks data-service about the dataset version and label (outside any transaction),
     * then stores the experiment and the job QUEUED; the runner picks it up after the commit. A refusal
     * stores nothing. {@code submittedBy} is who asked ("anonymous" when nobody is known).
     */
    public TrainingJobResponse submit(TrainingJobRequest request, String submittedBy) {
        TrainingJobRequest valid = validator.validate(request);
        datasets.check(valid);
        return transaction.execute(status -> {
            experiments.ensure(valid.experiment());
            TrainingJob job = jobs.save(new TrainingJob(valid, validator.trials(valid).size(), submittedBy));
            events.publishEvent(new JobQueued(job.getId()));
            return response(job, List.of());
        });
    }

    @Transactional(readOnly = true)
    public TrainingJobResponse job(String id) {
        TrainingJob job = jobs.findById(parse(id)).orElseThrow(() -> Problems.notFound("training job", id));
        return response(job, runs.findByJobIdOrderByCreatedAt(job.getId()));
    }

    @Transactional(readOnly = true)
    public PageResponse<TrainingJobResponse> jobs(int page, int size) {
        Page<TrainingJob> found = jobs.findAllByOrderByCreatedAtDesc(Pages.pageable(page, size));
        List<UUID> bestIds = found.stream().map(TrainingJob::getBestRunId).filter(id -> id != null).toList();
        Map<UUID, Run> best = runs.findAllById(bestIds).stream().collect(Collectors.toMap(Run::getId, Function.identity()));
        List<TrainingJobResponse> items = found.stream()
                .map(j -> response(j, null, j.getBestRunId() == null ? null : best.get(j.getBestRunId())))
                .toList();
        return Pages.response(found, items);
    }

    public TrainingJobResponse cancel(String id) {
        TrainingJob job = store.cancel(parse(id));
        return job(job.getId().toString());
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Problems.notFound("training job", id);
        }
    }

    private static TrainingJobResponse response(TrainingJob job, List<Run> jobRuns) {
        Run best = jobRuns.stream().filter(r -> r.getId().equals(job.getBestRunId())).findFirst().orElse(null);
        return response(job, jobRuns, best);
    }

    private static TrainingJobResponse response(TrainingJob job, List<Run> jobRuns, Run best) {
        return TrainingJobs.toResponse(job, jobRuns, best);
    }
}
