package dev.gyre.training.job;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.gyre.api.training.Candidate;
import dev.gyre.api.training.DatasetRef;
import dev.gyre.api.training.EvaluationMethod;
import dev.gyre.api.training.EvaluationSpec;
import dev.gyre.api.training.RegisterSpec;
import dev.gyre.api.training.TaskType;
import dev.gyre.api.training.TrainingJobRequest;
import dev.gyre.test.HttpTestClient.Response;
import dev.gyre.training.TrainingServiceTestBase;
import dev.gyre.training.experiment.ExperimentRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job's request and registration columns keep their own shape: a restarted job re-runs from rows written by an
 * older build, so a change to the wire's TrainingJobRequest must not reach them. Jobs here are stored CANCELLED so
 * that no runner picks them up.
 */
class StoredShapeTests extends TrainingServiceTestBase {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TrainingJobRepository jobs;

    @Autowired
    ExperimentRepository experiments;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void storesTheRequestInItsOwnShape() {
        TrainingJobRequest request = new TrainingJobRequest("stored-shape", new DatasetRef("penguins", 3), "Species",
                TaskType.CLASSIFICATION, List.of(new Candidate("cart", Map.of("maxDepth", 4), null)),
                new EvaluationSpec(EvaluationMethod.HOLDOUT, null, 0.25, "accuracy"),
                new RegisterSpec("penguin-model", "challenger"), 7L);
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> {
            experiments.ensure("stored-shape");
            jobs.save(new TrainingJob(id, request, JobStatus.CANCELLED, 1));
        });

        String stored = jdbc.queryForObject("select request::text from training_job where id = ?", String.class, id);
        assertThat(JSON.readTree(stored)).isEqualTo(JSON.readTree("""
                {"experiment": "stored-shape", "dataset": {"name": "penguins", "version": 3}, "label": "Species",
                 "task": "classification", "candidates": [{"algorithm": "cart", "params": {"maxDepth": 4}, "search": null}],
                 "evaluation": {"method": "holdout", "folds": null, "testFraction": 0.25, "metric": "accuracy"},
                 "register": {"model": "penguin-model", "alias": "challenger"}, "seed": 7}"""));
    }

    @Test
    void readsAJobWrittenInTheStoredShape() {
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> experiments.ensure("hand-written"));
        jdbc.update("insert into training_job (id, experiment, status, request, progress_total, registered, created_at)"
                        + " values (?, 'hand-written', 'SUCCEEDED', cast(? as jsonb), 2, cast(? as jsonb), now())", id,
                """
                {"experiment": "hand-written", "dataset": {"name": "iris", "version": 2}, "label": "species",
                 "task": "classification", "candidates": [{"algorithm": "logistic-regression", "params": {}}],
                 "evaluation": {"method": "kfold", "folds": 3, "metric": "f1"}, "seed": 11}""",
                "{\"model\": \"iris-model\", \"version\": 5, \"alias\": \"champion\"}");

        Response read = http.get("/api/v1/training-jobs/" + id);
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        JsonNode request = read.body().get("request");
        assertThat(request.get("dataset").get("name").asString()).isEqualTo("iris");
        assertThat(request.get("dataset").get("version").asInt()).isEqualTo(2);
        assertThat(request.get("task").asString()).isEqualTo("classification");
        assertThat(request.get("candidates").get(0).get("algorithm").asString()).isEqualTo("logistic-regression");
        assertThat(request.get("evaluation").get("method").asString()).isEqualTo("kfold");
        assertThat(request.get("evaluation").get("folds").asInt()).isEqualTo(3);
        assertThat(request.get("seed").asLong()).isEqualTo(11);
        JsonNode registered = read.body().get("registered");
        assertThat(registered.get("model").asString()).isEqualTo("iris-model");
        assertThat(registered.get("version").asInt()).isEqualTo(5);
        assertThat(registered.get("alias").asString()).isEqualTo("champion");
    }
}
