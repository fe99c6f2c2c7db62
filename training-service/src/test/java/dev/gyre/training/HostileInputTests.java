package dev.gyre.training;

import java.util.List;

import dev.gyre.test.HttpTestClient.Response;
import dev.gyre.test.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.gyre.test.ProblemAssertions.clientProblem;
import static dev.gyre.test.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** Hostile input to training-service (issue 14, the shared items): every answer a 4xx problem, no job queued. */
class HostileInputTests extends TrainingServiceTestBase {
    private RawHttp raw;

    @LocalServerPort
    void raw(int port) {
        raw = new RawHttp(port);
    }

    @Test
    void aPagePastTheLastReachableItemIsAnInvalidPage() {
        problem(http.get("/api/v1/training-jobs?page=2147483647&size=500"), 400, "invalid-page", "page");
        problem(http.get("/api/v1/experiments?page=2147483647&size=500"), 400, "invalid-page", "page");
        problem(http.get("/api/v1/experiments/penguin-species/runs?page=2147483647&size=500"), 400, "invalid-page",
                "page");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%2Fb", "a%00b", "%FF%FE", "a%5Cb"})
    void aMalformedPathSegmentIsAProblemNotTomcatsHtmlPage(String segment) {
        for (String path : List.of("/api/v1/training-jobs/" + segment, "/api/v1/experiments/" + segment + "/runs")) {
            RawHttp.Answer answer = raw.send("GET", path);
            clientProblem(answer);
        }
    }

    @Test
    void aFractionalDatasetVersionIsRefusedAndNoJobIsQueued() {
        long before = jobs();
        for (String version : List.of("1.5", "1.0", "1e0", "\"NaN\"")) {
            Response response = http.post("/api/v1/training-jobs", """
                    {"experiment": "hostile-float", "dataset": {"name": "penguins", "version": %s},
                     "label": "Species", "task": "classification",
                     "candidates": [{"algorithm": "logistic-regression"}]}""".formatted(version));
            problem(response, 400, "malformed-request", "dataset.version");
        }
        assertThat(jobs()).isEqualTo(before);
    }

    @Test
    void nonFiniteAndNulValuesInAJobAreRefusedNamingTheField() {
        long before = jobs();
        problem(http.post("/api/v1/training-jobs", """
                {"experiment": "hostile-inf", "dataset": {"name": "penguins", "version": 1},
                 "label": "Species", "task": "classification",
                 "candidates": [{"algorithm": "logistic-regression", "params": {"learningRate": 1e999}}]}"""),
                400, "malformed-request", "candidates[0].params.learningRate");
        problem(http.post("/api/v1/training-jobs", """
                {"experiment": "hostile\\u0000nul", "dataset": {"name": "penguins", "version": 1},
                 "label": "Species", "task": "classification",
                 "candidates": [{"algorithm": "logistic-regression"}]}"""), 400, "malformed-request", "experiment");
        assertThat(jobs()).isEqualTo(before);
    }

    private long jobs() {
        Response list = http.get("/api/v1/training-jobs?size=1");
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        return list.body().path("total").asLong();
    }
}
