package dev.gyre.training.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import dev.gyre.training.TrainingServiceTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class AlgorithmCatalogApiTests extends TrainingServiceTestBase {

    @Test
    void listsClassificationAndRegressionAlgorithmsWithTheirHyperparameters() {
        var response = http.get("/api/v1/algorithms");
        assertThat(response.status()).isEqualTo(200);
        JsonNode algorithms = response.body();

        assertThat(names(algorithms, "classification"))
                .contains("logistic-regression", "cart", "xgboost", "random-forest");
        assertThat(names(algorithms, "regression")).contains("linear-regression", "cart");

        JsonNode cart = find(algorithms, "classification", "cart");
        JsonNode maxDepth = param(cart, "maxDepth");
        assertThat(maxDepth.path("type").asString()).isEqualTo("int");
        assertThat(maxDepth.path("default").asInt()).isEqualTo(10);
        assertThat(maxDepth.path("range").asString()).isEqualTo("[1, 100]");
        assertThat(param(cart, "impurity").path("range").asString()).isEqualTo("gini|entropy");
        assertThat(param(find(algorithms, "classification", "logistic-regression"), "epochs").path("default").asInt())
                .isEqualTo(50);
        assertThat(param(find(algorithms, "regression", "linear-regression"), "alpha").path("type").asString())
                .isEqualTo("double");
    }

    // algorithms.json pins the answer: order, types and number forms included (regenerated when the catalog grows)
    @Test
    void answersTheCatalogJsonByteForByteAsPinned() throws IOException {
        var response = http.get("/api/v1/algorithms");
        assertThat(response.status()).isEqualTo(200);
        JsonMapper json = JsonMapper.builder().build();
        try (InputStream pinned = getClass().getResourceAsStream("algorithms.json")) {
            assertThat(pinned).as("dev/gyre/training/catalog/algorithms.json on the test class path").isNotNull();
            assertThat(response.text()).isEqualTo(json.writeValueAsString(json.readTree(pinned)));
        }
    }

    @Test
    void filtersByTask() {
        JsonNode regression = http.get("/api/v1/algorithms?task=regression").body();
        assertThat(regression.size()).isPositive();
        regression.forEach(a -> assertThat(a.path("task").asString()).isEqualTo("regression"));
        assertThat(names(regression, "regression")).contains("linear-regression", "cart");
    }

    @Test
    void rejectsAnUnknownTaskFilterNamingTheParameter() {
        var response = http.get("/api/v1/algorithms?task=clustering");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("code").asString()).isEqualTo("invalid-task");
        assertThat(response.body().path("field").asString()).isEqualTo("task");
    }

    private static List<String> names(JsonNode algorithms, String task) {
        List<String> names = new ArrayList<>();
        algorithms.forEach(a -> {
            if (a.path("task").asString().equals(task)) {
                names.add(a.path("name").asString());
            }
        });
        return names;
    }

    private static JsonNode find(JsonNode algorithms, String task, String name) {
        for (JsonNode a : algorithms) {
            if (a.path("task").asString().equals(task) && a.path("name").asString().equals(name)) {
                return a;
            }
        }
        throw new AssertionError("no " + task + " algorithm " + name + " in " + algorithms);
    }

    private static JsonNode param(JsonNode algorithm, String name) {
        for (JsonNode p : algorithm.path("hyperparameters")) {
            if (p.path("name").asString().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no hyperparameter " + name + " in " + algorithm);
    }
}
