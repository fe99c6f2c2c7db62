package dev.gyre.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.gyre.test.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.gyre.test.Datasets.penguinsCsv;
import static dev.gyre.test.UniqueNames.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

/** POST .../versions/{v}/curate over HTTP, counts checked against the penguins file parsed here. */
class CurationApiTests extends DataServiceTestBase {
    private static final String RECIPE = """
            {"recipe":{"steps":[
              {"op":"dedupe"},
              {"op":"dropMissing","columns":["Sex"]},
              {"op":"impute","columns":["Body Mass (g)"],"strategy":"median"},
              {"op":"rename","columns":{"Body Mass (g)":"mass"}}]}}""";

    private String penguins() {
        String name = uniqueName("curate");
        assertThat(http.post("/api/v1/datasets", "{\"name\":\"" + name + "\",\"labelColumn\":\"Species\"}").status())
                .isEqualTo(201);
        assertThat(postCsv(name, penguinsCsv()).status()).isEqualTo(201);
        return name;
    }

    @Test
    void aRecipeMakesAVersionWhoseLineageNamesParentRecipeAndWhatEachStepDid() {
        String name = penguins();
        List<List<String>> rows = Arrays.stream(new String(penguinsCsv(), StandardCharsets.UTF_8).split("\r?\n"))
                .skip(1).map(l -> Arrays.asList(l.split(",", -1))).toList();
        Set<List<String>> distinct = new LinkedHashSet<>(rows);
        int sex = 6;
        long withSex = distinct.stream().filter(r -> !missing(r.get(sex))).count();
        long massMissing = distinct.stream().filter(r -> !missing(r.get(sex)) && missing(r.get(5))).count();

        Response created = http.post("/api/v1/datasets/" + name + "/versions/1/curate", RECIPE);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode v = created.body();
        assertThat(v.path("version").asInt()).isEqualTo(2);
        assertThat(v.path("rows").asLong()).isEqualTo(withSex);
        assertThat(v.path("lineage").path("parent").asInt()).isEqualTo(1);
        assertThat(v.path("lineage").path("source").asString()).isEqualTo("curate");
        assertThat(v.path("lineage").path("recipe").path("steps").size()).isEqualTo(4);
        JsonNode steps = v.path("lineage").path("steps");
        assertThat(steps.get(0).path("rowsChanged").asLong()).isEqualTo(rows.size() - distinct.size());
        assertThat(steps.get(1).path("rowsChanged").asLong()).isEqualTo(distinct.size() - withSex);
        assertThat(steps.get(2).path("valuesChanged").asLong()).isEqualTo(massMissing);
        assertThat(v.path("columns").get(5).path("name").asString()).isEqualTo("mass");
        assertThat(v.path("columns").get(5).path("type").asString()).isEqualTo("numeric");
        JsonNode profile = http.get("/api/v1/datasets/" + name + "/versions/2/profile").body();
        assertThat(profile.path("columns").get(5).path("missing").asLong()).isZero();
        assertThat(profile.path("columns").get(6).path("missing").asLong()).isZero();

        Response again = http.post("/api/v1/datasets/" + name + "/versions/1/curate", RECIPE.replace("\n", " "));
        assertThat(again.status()).as("the same recipe on the same parent").isEqualTo(200);
        assertThat(again.body().path("version").asInt()).isEqualTo(2);
    }

    @Test
    void aBadRecipeIsA400NamingTheStepAndColumnAndStoresNothing() {
        String name = penguins();
        String curate = "/api/v1/datasets/" + name + "/versions/1/curate";

        Response unknownOp = http.post(curate, "{\"recipe\":{\"steps\":[{\"op\":\"dedupe\"},{\"op\":\"explode\"}]}}");
        assertThat(unknownOp.status()).isEqualTo(400);
        assertThat(unknownOp.body().path("code").asString()).isEqualTo("invalid-recipe");
        assertThat(unknownOp.body().path("field").asString()).isEqualTo("recipe.steps[1]");

        Response noColumn = http.post(curate, "{\"recipe\":{\"steps\":[{\"op\":\"trim\",\"columns\":[\"Colour\"]}]}}");
        assertThat(noColumn.status()).isEqualTo(400);
        assertThat(noColumn.body().path("column").asString()).isEqualTo("Colour");
        assertThat(noColumn.body().path("op").asString()).isEqualTo("trim");

        Response wrongType = http.post(curate,
                "{\"recipe\":{\"steps\":[{\"op\":\"impute\",\"columns\":[\"Island\"],\"strategy\":\"mean\"}]}}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body().path("column").asString()).isEqualTo("Island");

        Response noLabel = http.post(curate, "{\"recipe\":{\"steps\":[{\"op\":\"drop\",\"columns\":[\"Species\"]}]}}");
        assertThat(noLabel.status()).isEqualTo(400);
        assertThat(noLabel.body().path("code").asString()).isEqualTo("missing-label-column");

        Response noRows = http.post(curate, "{\"recipe\":{\"steps\":[{\"op\":\"outliers\",\"columns\":[\"Body Mass "
                + "(g)\"],\"method\":\"zscore\",\"threshold\":0.0001,\"action\":\"drop\"},{\"op\":\"dropMissing\","
                + "\"columns\":[\"Body Mass (g)\"]}]}}");
        assertThat(noRows.status()).as(noRows.text()).isEqualTo(400);
        assertThat(noRows.body().path("code").asString()).isEqualTo("no-rows");

        assertThat(http.post("/api/v1/datasets/" + name + "/versions/9/curate", RECIPE).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/datasets/" + name + "/versions").body().path("items").size()).isEqualTo(1);
    }

    @Test
    void aRecipeOfTheWrongShapeIsA400ProblemAndStoresNothing() {
        String name = penguins();
        String curate = "/api/v1/datasets/" + name + "/versions/1/curate";
        for (String body : List.of("{}", "{\"recipe\":null}", "{\"recipe\":\"dedupe\"}",
                "{\"recipe\":{\"steps\":{}}}", "{\"recipe\":{\"steps\":[null]}}",
                "{\"recipe\":{\"steps\":[{\"op\":\"trim\",\"columns\":[null]}]}}",
                "{\"recipe\":{\"steps\":[{\"op\":\"outliers\",\"columns\":[\"Body Mass (g)\"],\"threshold\":\"x\"}]}}",
                "{\"recipe\":{\"steps\":[{\"op\":\"outliers\",\"columns\":[\"Body Mass (g)\"],\"threshold\":-1}]}}",
                "{\"recipe\":{\"steps\":[{\"op\":\"trim\",\"columns\":[\"x\\\" OR 1=1 --\"]}]}}",
                "{\"recipe\":{\"steps\":[{\"op\":\"impute\",\"columns\":[\"Body Mass (g)\"],"
                        + "\"strategy\":\"constant\",\"value\":\"heavy\"}]}}",
                "not json")) {
            Response response = http.post(curate, body);
            assertThat(response.status()).as(body + " -> " + response.text()).isEqualTo(400);
            assertThat(response.body().path("code").asString()).as(body).isNotEmpty();
        }
        assertThat(http.get("/api/v1/datasets/" + name + "/versions").body().path("items").size()).isEqualTo(1);
    }

    private static boolean missing(String cell) {
        return cell.isBlank() || cell.equalsIgnoreCase("NA");
    }
}
