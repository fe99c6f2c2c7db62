package dev.gyre.data;

import dev.gyre.test.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.gyre.test.ProblemAssertions.problem;
import static dev.gyre.test.UniqueNames.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

class DatasetApiTests extends DataServiceTestBase {

    @Test
    void createsADatasetAndRefusesTheSameNameAgainWith409() {
        String name = uniqueName("churn");
        Response created = http.post("/api/v1/datasets", """
                {"name":"%s","description":"customer churn","labelColumn":"Churned",
                 "schema":[{"name":"Tenure","type":"numeric","nullable":false},{"name":"Churned","type":"boolean"}]}
                """.formatted(name));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode body = created.body();
        assertThat(body.path("name").asString()).isEqualTo(name);
        assertThat(body.path("description").asString()).isEqualTo("customer churn");
        assertThat(body.path("labelColumn").asString()).isEqualTo("Churned");
        assertThat(body.path("schema").get(0).path("type").asString()).isEqualTo("numeric");
        assertThat(body.path("schema").get(0).path("nullable").asBoolean()).isFalse();
        assertThat(body.path("schema").get(1).path("nullable").asBoolean()).isTrue();
        assertThat(body.path("latestVersion").isNull()).isTrue();

        JsonNode conflict = problem(http.post("/api/v1/datasets", "{\"name\":\"" + name + "\"}"), 409,
                "dataset-exists");
        assertThat(conflict.path("detail").asString()).contains(name);
    }

    @Test
    void rejectsAnInvalidNameNamingTheField() {
        JsonNode problem = problem(http.post("/api/v1/datasets", "{\"name\":\"Bad Name!\"}"), 400, "invalid-name");
        assertThat(problem.path("field").asString()).isEqualTo("name");

        assertThat(problem(http.post("/api/v1/datasets", "{}"), 400, "invalid-name").path("field").asString())
                .isEqualTo("name");
    }

    @Test
    void rejectsAnUnknownSchemaTypeNamingTheField() {
        JsonNode problem = problem(http.post("/api/v1/datasets", """
                {"name":"%s","schema":[{"name":"a","type":"numeric"},{"name":"b","type":"text"}]}
                """.formatted(uniqueName("typed"))), 400, "invalid-schema");

        assertThat(problem.path("field").asString()).isEqualTo("schema[1].type");
        assertThat(problem.path("detail").asString()).contains("text");
    }

    @Test
    void rejectsALabelColumnThatIsNotDeclared() {
        JsonNode problem = problem(http.post("/api/v1/datasets", """
                {"name":"%s","labelColumn":"y","schema":[{"name":"x","type":"numeric"}]}
                """.formatted(uniqueName("label"))), 400, "invalid-schema");

        assertThat(problem.path("field").asString()).isEqualTo("labelColumn");
    }

    @Test
    void rejectsMalformedJsonAsAProblem() {
        problem(http.post("/api/v1/datasets", "{\"name\":"), 400, "malformed-request");
    }

    @Test
    void answersMissingBodyForAJsonRequestWithNoBody() {
        problem(http.post("/api/v1/datasets", ""), 400, "missing-body");
    }

    @Test
    void listsDatasetsInPagesAndReadsOneByName() {
        String a = createDataset(uniqueName("paged"), null);
        createDataset(uniqueName("paged"), null);

        JsonNode page = http.get("/api/v1/datasets?page=0&size=1").body();
        assertThat(page.path("items").size()).isEqualTo(1);
        assertThat(page.path("size").asInt()).isEqualTo(1);
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(2);

        JsonNode one = http.get("/api/v1/datasets/" + a).body();
        assertThat(one.path("name").asString()).isEqualTo(a);

        assertThat(problem(http.get("/api/v1/datasets?size=0"), 400, "invalid-page").path("field").asString())
                .isEqualTo("size");
    }

    @Test
    void anUnknownDatasetIsA404Problem() {
        JsonNode problem = problem(http.get("/api/v1/datasets/no-such-dataset"), 404, "not-found");
        assertThat(problem.path("detail").asString()).contains("no-such-dataset");

        problem(http.get("/api/v1/datasets/no-such-dataset/versions"), 404, "not-found");
        problem(http.get("/api/v1/datasets/no-such-dataset/versions/1"), 404, "not-found");
        problem(http.get("/api/v1/datasets/no-such-dataset/versions/1/content"), 404, "not-found");
        problem(postCsv("no-such-dataset", "a\n1\n".getBytes()), 404, "not-found");
    }
}
