package dev.gyre.training.job;

import dev.gyre.test.HttpTestClient.Response;
import dev.gyre.training.TrainingServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static dev.gyre.test.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;

class TrainingJobValidationTests extends TrainingServiceTestBase {
    private static final String CANDIDATES = """
            [{"algorithm": "logistic-regression"}, {"algorithm": "cart", "params": {"maxDepth": 4}}]""";

    @Autowired
    TrainingJobRepository jobs;

    private static String request(String experiment, String task, String candidates, String evaluation) {
        return """
                {"experiment": "%s", "dataset": {"name": "penguins", "version": 1}, "label": "Species",
                 "task": "%s", "candidates": %s, "evaluation": %s}""".formatted(experiment, task, candidates, evaluation);
    }

    private static String request(String candidates, String evaluation) {
        return request("validation", "classification", candidates, evaluation);
    }

    private void assertRejected(String body, String code, String field) {
        long before = jobs.count();
        problem(http.post("/api/v1/training-jobs", body), 400, code, field);
        assertThat(jobs.count()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void rejectsAnUnknownAlgorithmNamingTheCandidate() {
        assertRejected(request("""
                [{"algorithm": "cart"}, {"algorithm": "deep-forest"}]""", """
                {"method": "kfold", "metric": "accuracy"}"""), "unknown-algorithm", "candidates[1].algorithm");
    }

    @Test
    void rejectsARegressionAlgorithmInAClassificationJob() {
        assertRejected(request("""
                [{"algorithm": "linear-regression"}]""", """
                {"method": "kfold", "metric": "accuracy"}"""), "unknown-algorithm", "candidates[0].algorithm");
    }

    @Test
    void rejectsAnOutOfRangeHyperparameterNamingIt() {
        assertRejected(request("""
                [{"algorithm": "logistic-regression"}, {"algorithm": "cart", "params": {"maxDepth": 0}}]""", """
                {"method": "kfold", "metric": "accuracy"}"""), "invalid-hyperparameter", "candidates[1].params.maxDepth");
    }

    @Test
    void rejectsAnUnknownHyperparameterNamingIt() {
        assertRejected(request("""
                [{"algorithm": "xgboost", "params": {"numTrees": 10, "depth": 3}}]""", """
                {"method": "kfold", "metric": "accuracy"}"""), "invalid-hyperparameter", "candidates[0].params.depth");
    }

    @Test
    void rejectsAHyperparameterOfTheWrongType() {
        assertRejected(request("""
                [{"algorithm": "cart", "params": {"impurity": "variance"}}]""", """
                {"method": "kfold", "metric": "accuracy"}"""), "invalid-hyperparameter", "candidates[0].params.impurity");
    }

    @Test
    void rejectsABadSearchValueNamingItsPosition() {
        assertRejected(request("""
                [{"algorithm": "cart", "search": {"maxDepth": [2, -1]}}]""", """
                {"method": "kfold", "metric": "accuracy"}"""), "invalid-hyperparameter", "candidates[0].search.maxDepth[1]");
    }

    @Test
    void rejectsASearchThatCannotRunNamingTheFieldAtFault() {
        String kfold = """
                {"method": "kfold", "metric": "accuracy"}""";
        assertRejected(request("""
                [{"algorithm": "svm", "search": {}}]""", kfold), "invalid-search", "candidates[0].search");
        assertRejected(request("""
                [{"algorithm": "svm", "search": {"type": "bayes", "space": {"C": [1]}}}]""", kfold),
                "invalid-search", "candidates[0].search.type");
        assertRejected(request("""
                [{"algorithm": "svm", "search": {"type": "grid", "space": {"C": {"min": 0.1, "max": 10}}}}]""", kfold),
                "invalid-search", "candidates[0].search.space.C");
        assertRejected(request("""
                [{"algorithm": "svm", "search": {"type": "random", "trials": 0, "space": {"C": [1]}}}]""", kfold),
                "invalid-search", "candidates[0].search.trials");
        // both ends of a range must be values the parameter takes
        assertRejected(request("""
                [{"algorithm": "xgboost", "search": {"type": "random", "space": {"eta": {"min": 0, "max": 1}}}}]""",
                kfold), "invalid-hyperparameter", "candidates[0].search.space.eta.min");
        assertRejected(request("""
                [{"algorithm": "knn", "search": {"type": "random", "space": {"k": {"min": 1, "max": 5000}}}}]""",
                kfold), "invalid-hyperparameter", "candidates[0].search.space.k.max");
        assertRejected(request("""
                [{"algorithm": "knn", "search": {"type": "random", "space": {"neighbours": {"min": 1, "max": 5}}}}]""",
                kfold), "invalid-hyperparameter", "candidates[0].search.space.neighbours.min");
        assertRejected(request("""
                [{"algorithm": "svm", "search": {"type": "grid", "space": {"kernel": ["rbf", "cubic"]}}}]""", kfold),
                "invalid-hyperparameter", "candidates[0].search.space.kernel[1]");
        assertRejected(request("""
                [{"algorithm": "svm", "search": {"type": "random", "trials": 101, "space": {"C": {"min": 1, "max": 2}}}}]""",
                kfold), "too-many-runs", "candidates");
    }

    @Test
    void rejectsAMetricThatIsNotForTheTask() {
        assertRejected(request(CANDIDATES, """
                {"method": "kfold", "metric": "rmse"}"""), "invalid-metric", "evaluation.metric");
    }

    @Test
    void rejectsEmptyCandidates() {
        assertRejected(request("[]", """
                {"method": "kfold", "metric": "accuracy"}"""), "missing-field", "candidates");
    }

    @Test
    void rejectsOutOfRangeFoldsAndTestFraction() {
        assertRejected(request(CANDIDATES, """
                {"method": "kfold", "folds": 1, "metric": "accuracy"}"""), "invalid-evaluation", "evaluation.folds");
        assertRejected(request(CANDIDATES, """
                {"method": "kfold", "folds": 21, "metric": "accuracy"}"""), "invalid-evaluation", "evaluation.folds");
        assertRejected(request(CANDIDATES, """
                {"method": "holdout", "testFraction": 1.0, "metric": "accuracy"}"""), "invalid-evaluation",
                "evaluation.testFraction");
        assertRejected(request(CANDIDATES, """
                {"method": "bootstrap", "metric": "accuracy"}"""), "invalid-evaluation", "evaluation.method");
    }

    @Test
    void rejectsAnUnknownTaskAndABadExperimentName() {
        assertRejected(request("validation", "clustering", CANDIDATES, """
                {"method": "kfold", "metric": "accuracy"}"""), "invalid-task", "task");
        assertRejected(request("Bad Name", "classification", CANDIDATES, """
                {"method": "kfold", "metric": "accuracy"}"""), "invalid-name", "experiment");
    }

    @Test
    void rejectsABlankLabelAndABadModelName() {
        assertRejected("""
                {"experiment": "validation", "dataset": {"name": "penguins", "version": 1}, "label": " ",
                 "task": "classification", "candidates": [{"algorithm": "cart"}],
                 "evaluation": {"method": "kfold", "metric": "accuracy"}}""", "missing-field", "label");
        assertRejected("""
                {"experiment": "validation", "dataset": {"name": "penguins", "version": 1}, "label": "Species",
                 "task": "classification", "candidates": [{"algorithm": "cart"}],
                 "evaluation": {"method": "kfold", "metric": "accuracy"}, "register": {"model": "Penguins!"}}""",
                "invalid-name", "register.model");
    }

    @Test
    void rejectsADatasetVersionBelowOne() {
        assertRejected("""
                {"experiment": "validation", "dataset": {"name": "penguins", "version": 0}, "label": "Species",
                 "task": "classification", "candidates": [{"algorithm": "cart"}],
                 "evaluation": {"method": "kfold", "metric": "accuracy"}}""", "invalid-field", "dataset.version");
    }

    /** A request on {@code dataset} version {@code version}, predicting {@code label}, in its own experiment. */
    private static String datasetRequest(String experiment, String dataset, int version, String label, String task) {
        boolean classification = task.equals("classification");
        return """
                {"experiment": "%s", "dataset": {"name": "%s", "version": %d}, "label": "%s", "task": "%s",
                 "candidates": [{"algorithm": "%s"}], "evaluation": {"method": "kfold", "metric": "%s"}}"""
                .formatted(experiment, dataset, version, label, task, classification ? "cart" : "linear-regression",
                        classification ? "accuracy" : "rmse");
    }

    /** Refused with this problem before the 202: no job and no experiment are created. */
    private JsonNode assertRefusedBeforeAccepting(String body, String experiment, int status, String code, String field) {
        long before = jobs.count();
        JsonNode problem = problem(http.post("/api/v1/training-jobs", body), status, code, field);
        assertThat(jobs.count()).as("no job stored").isEqualTo(before);
        problem(http.get("/api/v1/experiments/" + experiment), 404, "not-found");
        return problem;
    }

    @Test
    void refusesAnUnknownDatasetWith404() {
        JsonNode problem = assertRefusedBeforeAccepting(datasetRequest("ghost-dataset", "ghost", 1, "Species",
                "classification"), "ghost-dataset", 404, "unknown-dataset", "dataset.name");
        assertThat(problem.path("detail").asString()).isEqualTo("data-service has no dataset 'ghost'");
    }

    @Test
    void refusesAnUnknownVersionWith404NamingTheLatest() {
        JsonNode problem = assertRefusedBeforeAccepting(datasetRequest("ghost-version", "penguins", 3, "Species",
                "classification"), "ghost-version", 404, "unknown-dataset-version", "dataset.version");
        assertThat(problem.path("latestVersion").asInt()).isEqualTo(1);
        assertThat(problem.path("detail").asString()).contains("has no version 3");
    }

    @Test
    void answers502CarryingDataServicesDetailAndCodeWhenItFails() {
        long before = jobs.count();
        JsonNode problem = problem(http.post("/api/v1/training-jobs", datasetRequest("failing-data", "failing", 1,
                "Species", "classification")), 502, "data-service-error");
        assertThat(jobs.count()).as("no job stored").isEqualTo(before);
        assertThat(problem.path("service").asString()).isEqualTo("data-service");
        assertThat(problem.path("peerStatus").asInt()).isEqualTo(500);
        assertThat(problem.path("peerCode").asString()).isEqualTo("internal-error");
        assertThat(problem.path("detail").asString()).isEqualTo(
                "data-service answered 500 for dataset 'failing' version 1: the disk under dataset failing is full");
    }

    @Test
    void refusesAnInvalidDatasetVersion() {
        JsonNode problem = assertRefusedBeforeAccepting(datasetRequest("invalid-version", "broken", 1, "Species",
                "classification"), "invalid-version", 400, "invalid-dataset-version", "dataset.version");
        assertThat(problem.path("detail").asString()).contains("is INVALID; only a VALID version can be trained on");
    }

    @Test
    void refusesALabelThatIsNotAColumnListingTheColumns() {
        JsonNode problem = assertRefusedBeforeAccepting(datasetRequest("no-wingspan", "penguins", 1, "Wingspan",
                "classification"), "no-wingspan", 400, "unknown-label", "label");
        assertThat(problem.path("detail").asString()).contains("'Wingspan'", "Species", "Body Mass (g)");
    }

    @Test
    void refusesClassifyingOnAContinuousNumericLabelSuggestingRegression() {
        JsonNode problem = assertRefusedBeforeAccepting(datasetRequest("mass-classes", "penguins", 1, "Body Mass (g)",
                "classification"), "mass-classes", 400, "label-not-categorical", "label");
        assertThat(problem.path("suggestedTask").asString()).isEqualTo("regression");
        assertThat(problem.path("distinct").asLong()).isGreaterThan(20);
        assertThat(problem.path("detail").asString())
                .startsWith("classification label 'Body Mass (g)' is a numeric column with")
                .contains("use task regression")
                .doesNotContain("Unknown label");
    }

    @Test
    void refusesRegressionOnACategoricalLabel() {
        JsonNode problem = assertRefusedBeforeAccepting(datasetRequest("species-numbers", "penguins", 1, "Species",
                "regression"), "species-numbers", 400, "label-not-numeric", "label");
        assertThat(problem.path("detail").asString()).contains("use task classification");
    }

    @Test
    void refusesClassifyingALabelWithOneClass() {
        JsonNode problem = assertRefusedBeforeAccepting(datasetRequest("one-class", "one-species", 1, "Species",
                "classification"), "one-class", 400, "label-one-class", "label");
        assertThat(problem.path("distinct").asLong()).isEqualTo(1);
        assertThat(problem.path("detail").asString()).contains("has one class", "needs at least two");
    }

    @Test
    void refusesMoreFoldsThanRows() {
        JsonNode problem = assertRefusedBeforeAccepting(datasetRequest("few-rows", "tiny", 1, "Species",
                "classification"), "few-rows", 400, "invalid-evaluation", "evaluation.folds");
        assertThat(problem.path("detail").asString()).isEqualTo(
                "dataset 'tiny' version 1 has 3 rows; 5-fold cross-validation needs a row per fold at least");
    }

    @Test
    void refusesASplitEvaluationOnAVersionWithoutSplitsOrWithASplitNamed() {
        JsonNode problem = assertRefusedBeforeAccepting("""
                {"experiment": "no-splits", "dataset": {"name": "penguins", "version": 1}, "label": "Species",
                 "task": "classification", "candidates": [{"algorithm": "cart"}],
                 "evaluation": {"method": "split", "metric": "accuracy"}}""", "no-splits", 400, "invalid-evaluation",
                "evaluation.method");
        assertThat(problem.path("detail").asString()).contains("has no split", "curate the version");
        assertRefusedBeforeAccepting("""
                {"experiment": "split-twice", "dataset": {"name": "curated", "version": 1, "split": "train"},
                 "label": "Species", "task": "classification", "candidates": [{"algorithm": "cart"}],
                 "evaluation": {"method": "split", "metric": "accuracy"}}""", "split-twice", 400, "invalid-evaluation",
                "dataset.split");
    }

    @Test
    void answersNotFoundForAnUnknownJob() {
        Response response = http.get("/api/v1/training-jobs/6f1c2b9e-0000-4000-8000-000000000000");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().path("code").asString()).isEqualTo("not-found");
        assertThat(http.get("/api/v1/training-jobs/not-a-uuid").status()).isEqualTo(404);
        assertThat(http.post("/api/v1/training-jobs/6f1c2b9e-0000-4000-8000-000000000000/cancel", "").status())
                .isEqualTo(404);
    }
}
