package dev.gyre.training.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

import dev.gyre.api.training.EvaluationMethod;
import dev.gyre.api.training.EvaluationSpec;
import dev.gyre.api.training.TrainingJobRequest;
import dev.gyre.core.ml.AlgorithmCatalog;
import dev.gyre.core.ml.Evaluation;
import dev.gyre.core.ml.EvaluationResult;
import dev.gyre.core.ml.Metrics;
import dev.gyre.core.ml.Task;
import dev.gyre.training.run.Run;
import dev.gyre.training.run.RunRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tribuo.Dataset;
import org.tribuo.Trainer;

/**
 * A job's runs, one per trial (candidate × search point), each trained, evaluated by k-fold or hold-out and
 * recorded, and the best of them by the job's metric (ties go to the simpler algorithm). Runs already written by an interrupted attempt of the
 * same job are kept and not trained again (training is seeded, so they would come out the same).
 */
@Component
class Leaderboard {
    private static final Logger log = LoggerFactory.getLogger(Leaderboard.class);

    private final AlgorithmCatalog catalog;
    private final RunRepository runs;
    private final JobStore store;
    private final MeterRegistry meters;

    Leaderboard(AlgorithmCatalog catalog, RunRepository runs, JobStore store, MeterRegistry meters) {
        this.catalog = catalog;
        this.runs = runs;
        this.store = store;
        this.meters = meters;
    }

    /** Runs the trials not run yet, reporting progress, and returns the best run. */
    Run best(TrainingJob job, Task task, DatasetSource.TrainingSet set, Checkpoint checkpoint) {
        TrainingJobRequest request = TrainingJobs.request(job);
        Dataset<?> dataset = set.dataset();
        EvaluationSpec evaluation = request.evaluation();
        int minimum = evaluation.method() == EvaluationMethod.KFOLD ? evaluation.folds() : 2;
        if (dataset.size() < minimum) {
            throw new TrainingFailure(set.description() + " has " + dataset.size() + " rows with a label; "
                    + evaluation.method().json() + " evaluation needs at least " + minimum);
        }

        List<Trial> trials = Trial.of(request.candidates(), task, catalog, request.seed());
        List<Run> done = new ArrayList<>(runs.findByJobIdOrderByCreatedAt(job.getId()));
        if (done.size() > trials.size()) {
            done = done.subList(0, trials.size());
        }
        store.progress(job.getId(), done.size());
        for (int i = done.size(); i < trials.size(); i++) {
            checkpoint.check();
            done.add(evaluate(job, request, trials.get(i), task, dataset, set.test() == null ? null : set.test().dataset(),
                    checkpoint));
            store.progress(job.getId(), i + 1);
        }
        return best(done, evaluation.metric(), run -> complexity(task, run));
    }

    private int complexity(Task task, Run run) {
        return catalog.find(task, run.getAlgorithm()).map(a -> a.complexity()).orElse(Integer.MAX_VALUE);
    }

    private Run evaluate(TrainingJob job, TrainingJobRequest request, Trial trial, Task task, Dataset<?> dataset,
                         Dataset<?> test, Checkpoint checkpoint) {
        EvaluationSpec evaluation = request.evaluation();
        Map<String, Object> params = catalog.resolve(task, trial.algorithm(), trial.params());
        long start = System.nanoTime();
        Run run;
        try {
            Trainer<?> trainer = CheckpointTrainer.wrap(catalog.trainer(task, trial.algorithm(), params, request.seed()),
                    checkpoint);
            EvaluationResult result;
            if (evaluation.method() == EvaluationMethod.KFOLD) {
                // classes spread evenly over the folds for classification, as scikit-learn's cross_val_score does
                result = task == Task.CLASSIFICATION
                        ? Evaluation.stratifiedKfold(trainer, dataset, evaluation.folds(), request.seed())
                        : Evaluation.kfold(trainer, dataset, evaluation.folds(), request.seed());
            } else if (evaluation.method() == EvaluationMethod.SPLIT) {
                result = Evaluation.trainTest(trainer, dataset, test);
            } else {
                result = Evaluation.holdout(trainer, dataset, evaluation.testFraction(), request.seed());
            }
            run = Run.succeeded(job.getExperiment(), job.getId(), trial.algorithm(), params, result.metrics(),
                    result.folds(), result.durationMs());
        } catch (Checkpoint.Cancelled | Checkpoint.Stopping e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Run of {} {} in job {} failed", trial.algorithm(), params, job.getId(), e);
            run = Run.failed(job.getExperiment(), job.getId(), trial.algorithm(), params,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        Timer.builder("gyre.training.run.duration").description("Training and evaluation time of one candidate")
                .tag("algorithm", trial.algorithm()).tag("task", task.json()).tag("status", run.getStatus().toLowerCase(Locale.ROOT))
                .register(meters).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return runs.save(run);
    }

    /**
     * The run with the best value of the metric; between runs with the same value, the one of the simpler algorithm
     * (its catalog complexity), then the earlier one.
     */
    static Run best(List<Run> done, String metric, ToIntFunction<Run> complexity) {
        Run best = null;
        for (Run run : done) {
            Double value = run.getMetrics().get(metric);
            if (!Run.SUCCEEDED.equals(run.getStatus()) || value == null) {
                continue;
            }
            if (best == null) {
                best = run;
                continue;
            }
            double bestValue = best.getMetrics().get(metric);
            if (Metrics.isBetter(metric, value, bestValue)
                    || value == bestValue && complexity.applyAsInt(run) < complexity.applyAsInt(best)) {
                best = run;
            }
        }
        if (best == null) {
            String errors = done.stream().filter(r -> Run.FAILED.equals(r.getStatus())).findFirst()
                    .map(r -> "; first error: " + r.getError()).orElse("");
            throw new TrainingFailure("no run produced the metric '" + metric + "'" + errors);
        }
        return best;
    }
}
