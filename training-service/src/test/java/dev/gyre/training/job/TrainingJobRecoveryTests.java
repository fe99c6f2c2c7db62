package dev.gyre.training.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.gyre.api.training.Candidate;
import dev.gyre.api.training.DatasetRef;
import dev.gyre.api.training.EvaluationMethod;
import dev.gyre.api.training.EvaluationSpec;
import dev.gyre.api.training.TaskType;
import dev.gyre.api.training.TrainingJobRequest;
import dev.gyre.training.TrainingServiceTestBase;
import dev.gyre.training.experiment.ExperimentRepository;
import dev.gyre.training.run.Run;
import dev.gyre.training.run.RunRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingJobRecoveryTests extends TrainingServiceTestBase {

    @Autowired
    TrainingJobRepository jobs;

    @Autowired
    RunRepository runs;

    @Autowired
    ExperimentRepository experiments;

    @Autowired
    TrainingJobRunner runner;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void resumesAJobLeftRunningByACrashKeepingItsFinishedRuns() {
        TrainingJobRequest request = new TrainingJobRequest("crashed", new DatasetRef("penguins", 1), "Species",
                TaskType.CLASSIFICATION, List.of(new Candidate("cart", Map.of("maxDepth", 2), null),
                new Candidate("cart", Map.of("maxDepth", 4), null)),
                new EvaluationSpec(EvaluationMethod.KFOLD, 3, null, "accuracy"), null, 42L);
        UUID id = UUID.randomUUID();
        // as a crashed process leaves it: RUNNING, with the first candidate's run already written
        Run earlier = transactions.execute(tx -> {
            experiments.ensure("crashed");
            jobs.save(new TrainingJob(id, request, JobStatus.RUNNING, 2));
            return runs.save(Run.succeeded("crashed", id, "cart", Map.of("maxDepth", 2), Map.of("accuracy", 0.5), 10));
        });

        assertThat(runner.recover()).isEqualTo(1);

        JsonNode job = awaitEnd(id.toString(), Duration.ofMinutes(3));
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("runs").size()).isEqualTo(2);
        assertThat(job.path("runs").get(0).path("id").asString()).isEqualTo(earlier.getId().toString());
        assertThat(job.path("runs").get(1).path("params").path("maxDepth").asInt()).isEqualTo(4);
        assertThat(job.path("runs").get(1).path("metrics").path("accuracy").asDouble()).isGreaterThan(0.9);
        assertThat(job.path("bestRun").path("params").path("maxDepth").asInt()).isEqualTo(4);
        assertThat(job.path("progress").path("done").asInt()).isEqualTo(2);
    }

    @Test
    void leavesJobsItsOwnWorkersHoldAlone() {
        assertThat(runner.recover()).isZero();
    }

    @Test
    void cancelsARunningJobBetweenFoldsAndFreesTheWorker() {
        String id = submit("""
                {"experiment": "long", "dataset": {"name": "penguins", "version": 1}, "label": "Species",
                 "task": "classification",
                 "candidates": [{"algorithm": "random-forest", "params": {"numTrees": 30},
                                 "search": {"maxDepth": [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]}}],
                 "evaluation": {"method": "kfold", "folds": 20, "metric": "accuracy"}}""");
        Instant deadline = Instant.now().plusSeconds(60);
        while (!http.get("/api/v1/training-jobs/" + id).body().path("status").asString().equals("RUNNING")
                && Instant.now().isBefore(deadline)) {
            sleep(50);
        }
        var cancelled = http.post("/api/v1/training-jobs/" + id + "/cancel", "");
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(cancelled.body().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.body().path("finishedAt").isNull()).isFalse();

        String next = submit("""
                {"experiment": "long", "dataset": {"name": "penguins", "version": 1}, "label": "Species",
                 "task": "classification", "candidates": [{"algorithm": "cart"}],
                 "evaluation": {"method": "holdout", "metric": "accuracy"}}""");
        assertThat(awaitEnd(next, Duration.ofMinutes(3)).path("status").asString()).isEqualTo("SUCCEEDED");
        JsonNode job = http.get("/api/v1/training-jobs/" + id).body();
        assertThat(job.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(job.path("runs").size()).isLessThan(10);
        assertThat(http.post("/api/v1/training-jobs/" + id + "/cancel", "").status()).isEqualTo(409);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
