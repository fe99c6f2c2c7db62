package dev.gyre.training.experiment;

import java.time.Duration;

import dev.gyre.training.TrainingServiceTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ExperimentApiTests extends TrainingServiceTestBase {

    @Test
    void ranksRunsBestFirstByTheRequestedMetric() {
        String id = submit("""
                {"experiment": "leaderboard", "dataset": {"name": "penguins", "version": 1}, "label": "Species",
                 "task": "classification",
                 "candidates": [{"algorithm": "cart", "search": {"maxDepth": [1, 3]}}],
                 "evaluation": {"method": "kfold", "folds": 4, "metric": "accuracy"}}""");
        assertThat(awaitEnd(id, Duration.ofMinutes(3)).path("status").asString()).isEqualTo("SUCCEEDED");

        JsonNode byAccuracy = http.get("/api/v1/experiments/leaderboard/runs?sort=accuracy").body().path("items");
        assertThat(byAccuracy.size()).isEqualTo(2);
        double first = byAccuracy.get(0).path("metrics").path("accuracy").asDouble();
        double second = byAccuracy.get(1).path("metrics").path("accuracy").asDouble();
        assertThat(first).isGreaterThan(second);
        assertThat(byAccuracy.get(0).path("params").path("maxDepth").asInt()).isEqualTo(3);
        assertThat(byAccuracy.get(0).path("durationMs").asLong()).isNotNegative();

        JsonNode experiment = http.get("/api/v1/experiments/leaderboard").body();
        assertThat(experiment.path("runs").asLong()).isEqualTo(2);
        assertThat(experiment.path("jobs").asLong()).isEqualTo(1);
        JsonNode list = http.get("/api/v1/experiments?size=500").body();
        assertThat(list.path("items").findValuesAsString("name")).contains("leaderboard");
    }

    @Test
    void answersNotFoundForAnUnknownExperiment() {
        var response = http.get("/api/v1/experiments/nobody-ran-this/runs?sort=accuracy");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().path("code").asString()).isEqualTo("not-found");
    }

    @Test
    void rejectsAnUnknownSortMetricNamingTheParameter() {
        submit("""
                {"experiment": "sorting", "dataset": {"name": "vanishing", "version": 1}, "label": "Species",
                 "task": "classification", "candidates": [{"algorithm": "cart"}],
                 "evaluation": {"method": "kfold", "metric": "accuracy"}}""");
        var response = http.get("/api/v1/experiments/sorting/runs?sort=loss");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("field").asString()).isEqualTo("sort");
    }
}
