package dev.gyre.training.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.gyre.api.data.ColumnSpec;
import dev.gyre.boot.schema.ColumnSpecs;
import dev.gyre.api.data.DataApi;
import dev.gyre.api.data.DatasetVersionResponse;
import dev.gyre.api.registry.ModelLineage;
import dev.gyre.api.registry.ModelVersionResponse;
import dev.gyre.api.registry.RegisterModelRequest;
import dev.gyre.api.registry.RegistryApi;
import dev.gyre.api.training.DatasetRef;
import dev.gyre.api.training.EvaluationMethod;
import dev.gyre.api.training.EvaluationSpec;
import dev.gyre.api.training.RegisterSpec;
import dev.gyre.api.training.RegisteredModel;
import dev.gyre.api.training.TrainingJobRequest;
import dev.gyre.core.bundle.ModelBundle;
import dev.gyre.core.bundle.ModelBundles;
import dev.gyre.core.features.FeatureEncoder;
import dev.gyre.core.features.FeatureSpec;
import dev.gyre.core.features.TrainingData;
import dev.gyre.core.ml.AlgorithmCatalog;
import dev.gyre.core.ml.Evaluation;
import dev.gyre.core.ml.EvaluationResult;
import dev.gyre.core.ml.Metrics;
import dev.gyre.core.ml.Task;
import dev.gyre.core.table.Column;
import dev.gyre.core.table.ColumnType;
import dev.gyre.core.table.CsvFormatException;
import dev.gyre.core.table.CsvTables;
import dev.gyre.core.table.Table;
import dev.gyre.core.table.TableSchema;
import dev.gyre.training.run.Run;
import dev.gyre.training.run.RunRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Trainer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One training job from start to end: dataset version from data-service, feature spec, one run per
 * candidate (k-fold or hold-out), the best run by the job's metric trained on every row, the bundle,
 * and its registration. Runs already written by an interrupted attempt of the same job are kept and
 * not trained again (training is seeded, so they would come out the same).
 */
@Component
class TrainingPipeline {
    private static final Logger log = LoggerFactory.getLogger(TrainingPipeline.class);
    static final String CODE_VERSION = Optional.ofNullable(TrainingPipeline.class.getPackage().getImplementationVersion())
            .orElse("dev");

    private final DataApi data;
    private final RegistryApi registry;
    private final AlgorithmCatalog catalog;
    private final RunRepository runs;
    private final JobStore store;
    private final JsonMapper json;
    private final MeterRegistry meters;

    TrainingPipeline(DataApi data, RegistryApi registry, AlgorithmCatalog catalog, RunRepository runs, JobStore store,
                     JsonMapper json, MeterRegistry meters) {
        this.data = data;
        this.registry = registry;
        this.catalog = catalog;
        this.runs = runs;
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
        TrainingJobRequest request = job.getRequest();
        Task task = Task.of(request.task().json());
        DatasetRef ref = request.dataset();
        String what = "dataset " + ref.name() + " version " + ref.version();

        DatasetVersionResponse version = peer("data-service", what, () -> data.version(ref.name(), ref.version()));
        if (!"VALID".equals(version.status())) {
            throw new TrainingFailure(what + " is " + version.status() + "; only a VALID version can be trained on");
        }
        checkpoint.check();
        byte[] csv = peer("data-service", "the content of " + what, () -> data.content(ref.name(), ref.version()));
        FeatureSpec spec;
        TrainingData<?> training;
        try {
            Table table = CsvTables.read(csv);
            spec = FeatureSpec.fit(table, schema(version), request.label(), task);
            training = FeatureEncoder.of(spec).dataset(table, ref.name() + "@" + ref.version());
        } catch (CsvFormatException | IllegalArgumentException e) {
            throw new TrainingFailure(what + ": " + e.getMessage());
        }
        Dataset<?> dataset = training.dataset();
        EvaluationSpec evaluation = request.evaluation();
        int minimum = evaluation.method() == EvaluationMethod.KFOLD ? evaluation.folds() : 2;
        if (dataset.size() < minimum) {
            throw new TrainingFailure(what + " has " + dataset.size() + " rows with a label; "
                    + evaluation.method().json() + " evaluation needs at least " + minimum);
        }

        List<Trial> trials = Trial.of(request.candidates());
        List<Run> done = new ArrayList<>(runs.findByJobIdOrderByCreatedAt(job.getId()));
        if (done.size() > trials.size()) {
            done = done.subList(0, trials.size());
        }
        store.progress(job.getId(), done.size());
        for (int i = done.size(); i < trials.size(); i++) {
            checkpoint.check();
            done.add(evaluate(job, trials.get(i), task, dataset, checkpoint));
            store.progress(job.getId(), i + 1);
        }

        String metric = evaluation.metric();
        Run best = best(done, metric);
        checkpoint.check();
        Trainer<?> trainer = checkpointed(catalog.trainer(task, best.getAlgorithm(), best.getParams(), request.seed()),
                checkpoint);
        Model<?> model = Evaluation.train(trainer, dataset);
        Map<String, String> provenance = provenance(job, version, best, training);
        byte[] bundle = ModelBundles.write(ModelBundle.of(model, spec, best.getMetrics(), provenance));

        RegisteredModel registered = null;
        if (request.register() != null) {
            checkpoint.check();
            registered = register(request.register(), job, version, best, bundle);
        }
        return new Outcome(best.getId(), registered);
    }

    private Run evaluate(TrainingJob job, Trial trial, Task task, Dataset<?> dataset, Checkpoint checkpoint) {
        TrainingJobRequest request = job.getRequest();
        EvaluationSpec evaluation = request.evaluation();
        Map<String, Object> params = catalog.resolve(task, trial.algorithm(), trial.params());
        long start = System.nanoTime();
        Run run;
        try {
            Trainer<?> trainer = checkpointed(catalog.trainer(task, trial.algorithm(), params, request.seed()), checkpoint);
            EvaluationResult result = evaluation.method() == EvaluationMethod.KFOLD
                    ? Evaluation.kfold(trainer, dataset, evaluation.folds(), request.seed())
                    : Evaluation.holdout(trainer, dataset, evaluation.testFraction(), request.seed());
            run = Run.succeeded(job.getExperiment(), job.getId(), trial.algorithm(), params, result.metrics(),
                    result.durationMs());
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

    private static Run best(List<Run> done, String metric) {
        Run best = null;
        for (Run run : done) {
            Double value = run.getMetrics().get(metric);
            if (Run.SUCCEEDED.equals(run.getStatus()) && value != null
                    && (best == null || Metrics.isBetter(metric, value, best.getMetrics().get(metric)))) {
                best = run;
            }
        }
        if (best == null) {
            String errors = done.stream().filter(r -> Run.FAILED.equals(r.getStatus())).findFirst()
                    .map(r -> "; first error: " + r.toResponse().error()).orElse("");
            throw new TrainingFailure("no run produced the metric '" + metric + "'" + errors);
        }
        return best;
    }

    private RegisteredModel register(RegisterSpec spec, TrainingJob job, DatasetVersionResponse version, Run best,
                                     byte[] bundle) {
        TrainingJobRequest request = job.getRequest();
        ModelLineage lineage = new ModelLineage(version.dataset(), version.version(), version.contentHash(),
                job.getId().toString(), best.getId().toString(), best.getAlgorithm(), CODE_VERSION);
        String description = best.getAlgorithm() + " trained by job " + job.getId() + " (experiment "
                + job.getExperiment() + ") on " + version.dataset() + " version " + version.version()
                + " to predict " + request.label();
        RegisterModelRequest metadata = new RegisterModelRequest(description, best.getMetrics(), lineage, spec.alias());
        ByteArrayResource resource = new ByteArrayResource(bundle) {
            @Override
            public String getFilename() {
                return spec.model() + ".gyre.zip";
            }
        };
        ModelVersionResponse registered = peer("registry-service", "model " + spec.model(),
                () -> registry.register(spec.model(), resource, metadata,
                        job.getSubmittedBy() == null ? TrainingJobController.ANONYMOUS : job.getSubmittedBy()));
        String sha256 = ModelBundles.sha256(bundle);
        if (registered.sha256() != null && !registered.sha256().equalsIgnoreCase(sha256)
                && !registered.sha256().equalsIgnoreCase("sha256:" + sha256)) {
            throw new TrainingFailure("registry-service stored model " + spec.model() + " version "
                    + registered.version() + " with sha256 " + registered.sha256() + ", but the bundle sent has " + sha256);
        }
        return new RegisteredModel(spec.model(), registered.version(), spec.alias());
    }

    private Map<String, String> provenance(TrainingJob job, DatasetVersionResponse version, Run best,
                                           TrainingData<?> training) {
        TrainingJobRequest request = job.getRequest();
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
        p.put("evaluation", evaluation.method() == EvaluationMethod.KFOLD
                ? "kfold(" + evaluation.folds() + ")" : "holdout(" + evaluation.testFraction() + ")");
        p.put("metric", evaluation.metric());
        p.put("rowsUsed", Integer.toString(training.rowsUsed()));
        p.put("rowsSkipped", Integer.toString(training.rowsSkipped()));
        p.put("codeVersion", CODE_VERSION);
        return p;
    }

    private static TableSchema schema(DatasetVersionResponse version) {
        if (version.columns() == null || version.columns().isEmpty()) {
            throw new TrainingFailure("data-service gave no columns for dataset " + version.dataset()
                    + " version " + version.version());
        }
        return ColumnSpecs.toCore(version.columns());
    }

    private static Trainer<?> checkpointed(Trainer<?> trainer, Checkpoint checkpoint) {
        return wrap(trainer, checkpoint);
    }

    private static <T extends Output<T>> Trainer<T> wrap(Trainer<T> trainer, Checkpoint checkpoint) {
        return CheckpointTrainer.wrap(trainer, checkpoint);
    }

    /** Calls a peer, turning its failure into a sentence that names it. */
    private <T> T peer(String service, String what, Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (RestClientResponseException e) {
            throw new TrainingFailure(service + " answered " + e.getStatusCode().value() + " for " + what + detail(e));
        } catch (RestClientException e) {
            throw new TrainingFailure(service + " could not be reached for " + what + ": " + e.getMessage());
        }
        if (result == null) {
            throw new TrainingFailure(service + " answered an empty body for " + what);
        }
        return result;
    }

    private String detail(RestClientResponseException e) {
        try {
            JsonNode detail = json.readTree(e.getResponseBodyAsByteArray()).path("detail");
            return detail.isString() ? ": " + detail.asString() : "";
        } catch (JacksonException | IllegalArgumentException notJson) {
            return "";
        }
    }
}
