package dev.gyre.training.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.gyre.core.bundle.ModelBundle;
import dev.gyre.core.bundle.ModelBundles;
import dev.gyre.core.bundle.Prediction;
import dev.gyre.core.bundle.Predictor;
import dev.gyre.test.HttpTestClient.Response;
import dev.gyre.training.PeerStub;
import dev.gyre.training.TrainingServiceTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrainingJobExecutionTests extends TrainingServiceTestBase {
    private static final Duration DEADLINE = Duration.ofMinutes(3);

    @Test
    void trainsThreeCandidatesByKFoldAndRegistersTheMostAccurateOnBehalfOfTheSubmitter() {
        int registeredBefore = PEERS.registrations().size();
        Response submitted = http.withHeader("X-Gyre-User", "alice").post("/api/v1/training-jobs", """
                {"experiment": "penguin-species", "dataset": {"name": "penguins", "version": 1}, "label": "Species",
                 "task": "classification",
                 "candidates": [{"algorithm": "logistic-regression"},
                                {"algorithm": "cart", "params": {"maxDepth": 5}},
                                {"algorithm": "xgboost", "params": {"numTrees": 20, "maxDepth": 3}}],
                 "evaluation": {"method": "kfold", "folds": 5, "metric": "accuracy"},
                 "register": {"model": "penguins", "alias": "challenger"}}""");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        JsonNode queued = submitted.body();
        String id = queued.path("id").asString();
        assertThat(queued.path("status").asString()).isEqualTo("QUEUED");
        assertThat(queued.path("submittedBy").asString()).isEqualTo("alice");
        assertThat(submitted.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/v1/training-jobs/" + id));
        assertThat(queued.path("request").path("evaluation").path("folds").asInt()).isEqualTo(5);
        assertThat(queued.path("progress").path("total").asInt()).isEqualTo(3);

        JsonNode job = awaitEnd(id, DEADLINE);
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("progress").path("done").asInt()).isEqualTo(3);
        assertThat(job.path("submittedBy").asString()).isEqualTo("alice");
        assertThat(job.path("startedAt").isNull()).isFalse();
        assertThat(job.path("finishedAt").isNull()).isFalse();
        JsonNode runs = job.path("runs");
        assertThat(runs.size()).isEqualTo(3);
        List<String> algorithms = new ArrayList<>();
        double bestAccuracy = -1;
        for (JsonNode run : runs) {
            algorithms.add(run.path("algorithm").asString());
            assertThat(run.path("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(run.path("jobId").asString()).isEqualTo(id);
            assertThat(run.path("experiment").asString()).isEqualTo("penguin-species");
            assertThat(run.path("metrics").path("accuracy").asDouble()).isBetween(0.5, 1.0);
            assertThat(run.path("metrics").has("f1_macro")).isTrue();
            bestAccuracy = Math.max(bestAccuracy, run.path("metrics").path("accuracy").asDouble());
        }
        assertThat(algorithms).containsExactly("logistic-regression", "cart", "xgboost");
        assertThat(runs.get(1).path("params").path("maxDepth").asInt()).isEqualTo(5);
        assertThat(runs.get(1).path("params").path("impurity").asString()).as("defaults recorded").isEqualTo("gini");
        JsonNode best = job.path("bestRun");
        assertThat(best.path("metrics").path("accuracy").asDouble()).isEqualTo(bestAccuracy);
        assertThat(bestAccuracy).isGreaterThan(0.9);
        assertThat(job.path("registered").path("model").asString()).isEqualTo("penguins");
        assertThat(job.path("registered").path("alias").asString()).isEqualTo("challenger");

        assertThat(PEERS.registrations()).hasSize(registeredBefore + 1);
        PeerStub.Registration registration = PEERS.registrations().get(registeredBefore);
        assertThat(job.path("registered").path("version").asInt()).isEqualTo(registration.version());
        assertThat(registration.model()).isEqualTo("penguins");
        assertThat(registration.user()).as("registry records the submitter as the actor").isEqualTo("alice");
        assertThat(registration.bundleFilename()).isNotBlank();
        assertThat(registration.metadata().alias()).isEqualTo("challenger");
        assertThat(registration.metadata().metrics().get("accuracy")).isEqualTo(bestAccuracy);
        assertThat(registration.metadata().lineage().dataset()).isEqualTo("penguins");
        assertThat(registration.metadata().lineage().datasetVersion()).isEqualTo(1);
        assertThat(registration.metadata().lineage().trainingJob()).isEqualTo(id);
        assertThat(registration.metadata().lineage().run()).isEqualTo(best.path("id").asString());
        assertThat(registration.metadata().lineage().algorithm()).isEqualTo(best.path("algorithm").asString());

        ModelBundle bundle = ModelBundles.read(registration.bundle(), registration.sha256());
        assertThat(bundle.provenance()).containsEntry("trainingJob", id).containsEntry("dataset", "penguins")
                .containsEntry("datasetVersion", "1").containsEntry("run", best.path("id").asString())
                .containsEntry("algorithm", best.path("algorithm").asString())
                .containsEntry("codeVersion", "dev")
                .containsEntry("tribuoVersion", org.tribuo.Tribuo.VERSION)
                .containsEntry("jvm", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name")
                        + " " + System.getProperty("java.runtime.version"))
                .containsKey("params").containsKey("contentHash").containsKey("os");
        // the build writes the commit (a 40-hex id, "-dirty" with uncommitted changes)
        assertThat(bundle.provenance().get("gitCommit")).matches("[0-9a-f]{40}(-dirty)?");
        JsonNode spec = JsonMapper.builder().build().readTree(bundle.provenance().get("jobSpec"));
        assertThat(spec.path("experiment").asString()).isEqualTo(job.path("request").path("experiment").asString());
        assertThat(spec.path("seed").asLong()).isEqualTo(job.path("request").path("seed").asLong());
        assertThat(bundle.metrics().get("accuracy")).isEqualTo(bestAccuracy);
        assertThat(bundle.spec().labels()).containsExactly("Adelie", "Chinstrap", "Gentoo");

        Map<String, Object> adelie = new LinkedHashMap<>();
        adelie.put("Island", "Torgersen");
        adelie.put("Beak Length (mm)", 39.1);
        adelie.put("Beak Depth (mm)", 18.7);
        adelie.put("Flipper Length (mm)", 181);
        adelie.put("Body Mass (g)", 3750);
        adelie.put("Sex", "MALE");
        List<Prediction> predictions = new Predictor(bundle).predict(List.of(adelie));
        assertThat(predictions).singleElement().satisfies(p -> assertThat(p.label()).isEqualTo("Adelie"));
    }

    @Test
    void trainsARegressionByHoldoutAndPicksTheLowestRmse() {
        String id = submit("""
                {"experiment": "penguin-mass", "dataset": {"name": "penguins", "version": 1}, "label": "Body Mass (g)",
                 "task": "regression",
                 "candidates": [{"algorithm": "linear-regression"}, {"algorithm": "cart", "params": {"maxDepth": 4}}],
                 "evaluation": {"method": "holdout", "testFraction": 0.25, "metric": "rmse"}}""");
        JsonNode job = awaitEnd(id, DEADLINE);
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("runs").size()).isEqualTo(2);
        double lowest = Double.MAX_VALUE;
        for (JsonNode run : job.path("runs")) {
            double rmse = run.path("metrics").path("rmse").asDouble();
            // body mass has a standard deviation of ~800 g; the other measurements explain most of it
            assertThat(rmse).isBetween(100.0, 700.0);
            assertThat(run.path("metrics").has("r2")).isTrue();
            lowest = Math.min(lowest, rmse);
        }
        assertThat(job.path("bestRun").path("metrics").path("rmse").asDouble()).isCloseTo(lowest, within(1e-12));
        assertThat(job.path("registered").isMissingNode() || job.path("registered").isNull()).isTrue();

        JsonNode leaderboard = http.get("/api/v1/experiments/penguin-mass/runs?sort=rmse").body();
        assertThat(leaderboard.path("items").size()).isEqualTo(2);
        assertThat(leaderboard.path("items").get(0).path("metrics").path("rmse").asDouble()).isCloseTo(lowest, within(1e-12));
    }

    @Test
    void expandsASearchGridIntoOneRunPerPoint() {
        String id = submit("""
                {"experiment": "penguin-search", "dataset": {"name": "penguins", "version": 1}, "label": "Species",
                 "task": "classification",
                 "candidates": [{"algorithm": "cart", "params": {"minChildWeight": 2}, "search": {"maxDepth": [1, 2, 6]}}],
                 "evaluation": {"method": "kfold", "folds": 3, "metric": "f1_macro"}}""");
        JsonNode job = awaitEnd(id, DEADLINE);
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        List<Integer> depths = new ArrayList<>();
        job.path("runs").forEach(r -> {
            depths.add(r.path("params").path("maxDepth").asInt());
            assertThat(r.path("params").path("minChildWeight").asDouble()).isEqualTo(2.0);
        });
        assertThat(depths).containsExactly(1, 2, 6);
        // a single split cannot separate three species
        assertThat(job.path("bestRun").path("params").path("maxDepth").asInt()).isNotEqualTo(1);
    }

    @Test
    void runsARandomSearchWithFoldScoresAndTheSameSpecAndSeedGiveTheSameRuns() {
        String spec = """
                {"experiment": "penguin-random", "dataset": {"name": "penguins", "version": 1}, "label": "Species",
                 "task": "classification", "seed": 11,
                 "candidates": [{"algorithm": "svm", "search": {"type": "random", "trials": 3,
                                 "space": {"C": {"min": 0.01, "max": 100, "log": true}, "kernel": ["rbf", "linear"]}}},
                                {"algorithm": "xgboost", "params": {"numTrees": 10},
                                 "search": {"type": "random", "trials": 2, "space": {"maxDepth": {"min": 2, "max": 6}}}}],
                 "evaluation": {"method": "kfold", "folds": 3, "metric": "accuracy"}}""";
        JsonNode first = awaitEnd(submit(spec), DEADLINE);
        assertThat(first.path("status").asString()).as(first.toString()).isEqualTo("SUCCEEDED");
        assertThat(first.path("progress").path("total").asInt()).isEqualTo(5);
        JsonNode runs = first.path("runs");
        assertThat(runs.size()).isEqualTo(5);
        for (int i = 0; i < 3; i++) {
            JsonNode run = runs.get(i);
            assertThat(run.path("algorithm").asString()).isEqualTo("svm");
            assertThat(run.path("params").path("C").asDouble()).isBetween(0.01, 100.0);
            assertThat(run.path("params").path("kernel").asString()).isIn("rbf", "linear");
        }
        for (int i = 3; i < 5; i++) {
            assertThat(runs.get(i).path("params").path("maxDepth").isInt()).isTrue();
            assertThat(runs.get(i).path("params").path("maxDepth").asInt()).isBetween(2, 6);
        }
        for (JsonNode run : runs) {
            JsonNode folds = run.path("folds");
            assertThat(folds.size()).as(run.toString()).isEqualTo(3);
            double sum = 0;
            for (JsonNode fold : folds) {
                sum += fold.path("accuracy").asDouble();
            }
            double mean = run.path("metrics").path("accuracy").asDouble();
            assertThat(mean).isCloseTo(sum / 3, within(1e-12));
            double squares = 0;
            for (JsonNode fold : folds) {
                squares += Math.pow(fold.path("accuracy").asDouble() - mean, 2);
            }
            assertThat(run.path("metricsStd").path("accuracy").asDouble()).isCloseTo(Math.sqrt(squares / 3), within(1e-12));
        }

        JsonNode second = awaitEnd(submit(spec), DEADLINE);
        assertThat(second.path("status").asString()).as(second.toString()).isEqualTo("SUCCEEDED");
        for (int i = 0; i < 5; i++) {
            JsonNode a = runs.get(i);
            JsonNode b = second.path("runs").get(i);
            assertThat(b.path("params")).isEqualTo(a.path("params"));
            assertThat(b.path("metrics")).isEqualTo(a.path("metrics"));
            assertThat(b.path("folds")).isEqualTo(a.path("folds"));
        }
        assertThat(second.path("bestRun").path("params")).isEqualTo(first.path("bestRun").path("params"));
    }

    @Test
    void evaluatesOnTheCuratedTestSplitAndTrainsOnTheTrainSplitOnly() {
        int registeredBefore = PEERS.registrations().size();
        JsonNode job = awaitEnd(submit("""
                {"experiment": "penguin-split", "dataset": {"name": "curated", "version": 1}, "label": "Species",
                 "task": "classification", "candidates": [{"algorithm": "cart", "params": {"maxDepth": 3}},
                                                          {"algorithm": "logistic-regression"}],
                 "evaluation": {"method": "split", "metric": "accuracy"}, "register": {"model": "curated-species"}}"""),
                DEADLINE);
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        for (JsonNode run : job.path("runs")) {
            double accuracy = run.path("metrics").path("accuracy").asDouble();
            assertThat(accuracy).isBetween(0.8, 1.0);
            // scored on the 69 rows of the test split: a whole number of them right
            assertThat(accuracy * 69).isCloseTo(Math.rint(accuracy * 69), within(1e-9));
            assertThat(run.path("folds").size()).isZero();
        }
        ModelBundle bundle = ModelBundles.read(PEERS.registrations().get(registeredBefore).bundle(),
                PEERS.registrations().get(registeredBefore).sha256());
        assertThat(bundle.provenance()).containsEntry("evaluation", "split(train, test)").containsEntry("rowsUsed", "275");
    }

    @Test
    void failsAJobWhoseDatasetContentDataServiceCannotGive() {
        String id = submit(vanishingJob());
        JsonNode job = awaitEnd(id, DEADLINE);
        assertThat(job.path("status").asString()).isEqualTo("FAILED");
        assertThat(job.path("error").asString())
                .startsWith("data-service answered 410 for the content of dataset vanishing version 1")
                .contains("was deleted");
        assertThat(job.path("runs").size()).isZero();

        Response cancel = http.post("/api/v1/training-jobs/" + id + "/cancel", "");
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.body().path("code").asString()).isEqualTo("job-finished");
        assertThat(http.get("/api/v1/training-jobs/" + id).body().path("status").asString()).isEqualTo("FAILED");
    }

    @Test
    void failsAJobWhoseRegistrationRegistryServiceRefusesNamingIt() {
        String id = submit("""
                {"experiment": "ghosts", "dataset": {"name": "penguins", "version": 1}, "label": "Species",
                 "task": "classification", "candidates": [{"algorithm": "cart", "params": {"maxDepth": 3}}],
                 "evaluation": {"method": "holdout", "metric": "accuracy"}, "register": {"model": "locked"}}""");
        JsonNode job = awaitEnd(id, DEADLINE);
        assertThat(job.path("status").asString()).isEqualTo("FAILED");
        assertThat(job.path("error").asString())
                .isEqualTo("registry-service answered 409 for model locked: model 'locked' accepts no new versions");
        assertThat(job.path("runs").size()).as("the run is kept").isEqualTo(1);
    }

    @Test
    void listsJobsNewestFirstWithoutTheirRuns() {
        String older = submit(vanishingJob());
        String newer = submit(vanishingJob());
        awaitEnd(newer, DEADLINE);
        JsonNode page = http.get("/api/v1/training-jobs?page=0&size=2").body();
        assertThat(page.path("items").get(0).path("id").asString()).isEqualTo(newer);
        assertThat(page.path("items").get(1).path("id").asString()).isEqualTo(older);
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.path("size").asInt()).isEqualTo(2);
        assertThat(http.get("/api/v1/training-jobs?size=0").status()).isEqualTo(400);
    }

    @Test
    void countsJobsByOutcomeAndTimesThem() {
        awaitEnd(submit(vanishingJob()), DEADLINE);
        String prometheus = http.get("/actuator/prometheus").text();
        assertThat(prometheus).containsPattern("gyre_training_jobs_total\\{[^}]*outcome=\"failed\"[^}]*\\} [1-9]")
                .contains("gyre_training_job_duration_seconds_count{");
    }

    /** A job data-service accepts (the version is VALID) whose content then answers 410: it fails at once. */
    private static String vanishingJob() {
        return """
                {"experiment": "ghosts", "dataset": {"name": "vanishing", "version": 1}, "label": "Species",
                 "task": "classification", "candidates": [{"algorithm": "cart"}],
                 "evaluation": {"method": "kfold", "metric": "accuracy"}}""";
    }
}
