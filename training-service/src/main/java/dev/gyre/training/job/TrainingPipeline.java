package dev.gyre.training.job;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.gyre.api.data.DatasetVersionResponse;
import dev.gyre.api.training.EvaluationMethod;
import dev.gyre.api.training.EvaluationSpec;
import dev.gyre.api.training.RegisteredModel;
import dev.gyre.api.training.TrainingJobRequest;
import dev.gyre.core.bundle.ModelBundle;
import dev.gyre.core.bundle.ModelBundles;
import dev.gyre.core.features.TrainingData;
import dev.gyre.core.ml.AlgorithmCatalog;
import dev.gyre.core.ml.Evaluation;
import dev.gyre.core.ml.Task;
import dev.gyre.training.run.Run;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tribuo.Model;
import org.tribuo.Trainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * One training job from start to end: the dataset version ({@link DatasetSource}), its runs and the best of
 * them ({@link Leaderboard}), the best run's algorithm trained on every row, the bundle, and its registration
 * ({@link Registrar}); then the job's end state and metrics.
 */
@Component
class TrainingPipeline {
    private static final Logger log = LoggerFactory.getLogger(TrainingPipeline.class);
    static final String CODE_VERSION = Optional.ofNullable(TrainingPipeline.class.getPackage().getImplementationVersion())
            .orElse("dev");
    /** The commit this service was built from (git.properties, written by the build), "unknown" outside a clone. */
    static final String GIT_COMMIT = gitCommit();

    private static String gitCommit() {
        Properties git = new Properties();
        try (InputStream in = TrainingPipeline.class.getResourceAsStream("/git.properties")) {
            if (in != null) {
                git.load(in);
            }
        } catch (IOException e) {
            log.warn("git.properties unreadable: {}", e.getMessage());
        }
        String commit = git.getProperty("git.commit.id", "unknown");
        return "true".equals(git.getProperty("git.dirty")) ? commit + "-dirty" : commit;
    }

    private final DatasetSource datasets;
    private final Leaderboard leaderboard;
    private final Registrar registrar;
    private final AlgorithmCatalog catalog;
    private final JobStore store;
    private final JsonMapper json;
    private final MeterRegistry meters;

    TrainingPipeline(DatasetSource datasets, Leaderboard leaderboard, Registrar registrar, AlgorithmCatalog catalog,
                     JobStore store, JsonMapper json, MeterRegistry meters) {
        this.datasets = datasets;
        this.leaderboard = leaderboard;
        this.registrar = registrar;
        this.catalog = catalog;
        this.store = store;
        this.json = json;
        this.meters = meters;
    }

    /** Runs a claimed (RUNNING) job to SUCCEEDED or FAILED, or leaves it when it was cancelled or must stop. */
    void run(TrainingJob job, Checkpoint checkpoint) {
        UUID id = job.getId();
        long start = System.nanoTime();
        String outcome;
        try {
            Outcome result = train(job, checkpoint);
            outcome = store.succeed(id, result.bestRun(), result.registered()) ? "succeeded" : "cancelled";
            log.info("Training job {} {}: best run {}", id, outcome, result.bestRun());
        } catch (Checkpoint.Cancelled e) {
            outcome = "cancelled";
            log.info("Training job {} cancelled", id);
        } catch (Checkpoint.Stopping e) {
            store.requeue(id);
            log.info("Training job {} interrupted by shutdown; back in the queue", id);
            return;
        } catch (TrainingFailure e) {
            outcome = store.fail(id, e.getMessage()) ? "failed" : "cancelled";
            log.warn("Training job {} failed: {}", id, e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            log.error("Training job {} failed unexpectedly", id, e);
            outcome = store.fail(id, "unexpected error: " + e) ? "failed" : "cancelled";
        }
        meters.counter("gyre.training.jobs", "outcome", outcome).increment();
        Timer.builder("gyre.training.job.duration").description("Wall-clock time of a training job, from start to end")
                .tag("outcome", outcome).register(meters).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    private record Outcome(UUID bestRun, RegisteredModel registered) {
    }

    private Outcome train(TrainingJob job, Checkpoint checkpoint) {
        TrainingJobRequest request = TrainingJobs.request(job);
        Task task = Task.of(request.task().json());
        DatasetSource.TrainingSet set = datasets.load(request, task, checkpoint);
        Run best = leaderboard.best(job, task, set, checkpoint);

        checkpoint.check();
        Trainer<?> trainer = CheckpointTrainer.wrap(catalog.trainer(task, best.getAlgorithm(), best.getParams(),
                request.seed()), checkpoint);
        Model<?> model = Evaluation.train(trainer, set.dataset());
        Map<String, String> provenance = provenance(job, set.version(), best, set.training());
        byte[] bundle = ModelBundles.write(ModelBundle.of(model, set.spec(), best.getMetrics(), provenance));

        RegisteredModel registered = null;
        if (request.register() != null) {
            checkpoint.check();
            registered = registrar.register(request.register(), job, set.version(), best, bundle);
        }
        return new Outcome(best.getId(), registered);
    }

    private Map<String, String> provenance(TrainingJob job, DatasetVersionResponse version, Run best,
                                           TrainingData<?> training) {
        TrainingJobRequest request = TrainingJobs.request(job);
        EvaluationSpec evaluation = request.evaluation();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("dataset", version.dataset());
        p.put("datasetVersion", Integer.toString(version.version()));
        p.put("contentHash", String.valueOf(version.contentHash()));
        p.put("experiment", job.getExperiment());
        p.put("trainingJob", job.getId().toString());
        p.put("run", best.getId().toString());
        p.put("algorithm", best.getAlgorithm());
        p.put("params", json.writeValueAsString(best.getParams()));
        p.put("seed", Long.toString(request.seed()));
        p.put("evaluation", switch (evaluation.method()) {
            case KFOLD -> "kfold(" + evaluation.folds() + ")";
            case HOLDOUT -> "holdout(" + evaluation.testFraction() + ")";
            case SPLIT -> "split(train, test)";
        });
        p.put("metric", evaluation.metric());
        p.put("rowsUsed", Integer.toString(training.rowsUsed()));
        p.put("rowsSkipped", Integer.toString(training.rowsSkipped()));
        if (request.dataset().split() != null) {
            p.put("split", request.dataset().split());
        }
        if (version.lineage() != null) {
            // where the version came from: its parent and the recipe that made it, or its source
            p.put("datasetLineage", json.writeValueAsString(version.lineage()));
        }
        p.put("jobSpec", json.writeValueAsString(request));
        p.put("codeVersion", CODE_VERSION);
        p.put("gitCommit", GIT_COMMIT);
        p.put("tribuoVersion", org.tribuo.Tribuo.VERSION);
        p.put("jvm", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"));
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        return p;
    }
}
