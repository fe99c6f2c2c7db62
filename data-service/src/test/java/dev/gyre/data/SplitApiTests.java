package dev.gyre.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.gyre.test.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.gyre.test.Datasets.penguinsCsv;
import static dev.gyre.test.UniqueNames.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

/** A recipe's split, stored with the version and served by {@code ?split=}, checked against the rows served. */
class SplitApiTests extends DataServiceTestBase {
    private static final String STRATIFIED = """
            {"recipe":{"steps":[{"op":"dedupe"},{"op":"dropMissing"}],
             "split":{"method":"stratified","fractions":{"train":0.7,"validation":0.15,"test":0.15},"seed":7}}}""";

    private String penguins() {
        String name = uniqueName("split");
        assertThat(http.post("/api/v1/datasets", "{\"name\":\"" + name + "\",\"labelColumn\":\"Species\"}").status())
                .isEqualTo(201);
        assertThat(postCsv(name, penguinsCsv()).status()).isEqualTo(201);
        return name;
    }

    private List<String> rows(String name, int version, String split) {
        Response r = http.get("/api/v1/datasets/" + name + "/versions/" + version + "/content"
                + (split == null ? "" : "?split=" + split));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<String> lines = new ArrayList<>(Arrays.asList(r.text().split("\r?\n")));
        lines.remove(0);
        return lines;
    }

    private static Map<String, Integer> species(List<String> rows) {
        Map<String, Integer> counts = new HashMap<>();
        rows.forEach(r -> counts.merge(r.split(",")[0], 1, Integer::sum));
        return counts;
    }

    @Test
    void aStratifiedSplitKeepsEachClassShareWithinOneRowAndServesEachSplit() {
        String name = penguins();
        Response created = http.post("/api/v1/datasets/" + name + "/versions/1/curate", STRATIFIED);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode splits = created.body().path("splits");
        long total = created.body().path("rows").asLong();

        List<String> all = rows(name, 2, null);
        List<String> train = rows(name, 2, "train");
        List<String> validation = rows(name, 2, "validation");
        List<String> test = rows(name, 2, "test");
        assertThat(all).hasSize((int) total);
        assertThat(splits.path("train").asLong()).isEqualTo(train.size());
        assertThat(splits.path("validation").asLong()).isEqualTo(validation.size());
        assertThat(splits.path("test").asLong()).isEqualTo(test.size());
        List<String> union = new ArrayList<>(train);
        union.addAll(validation);
        union.addAll(test);
        assertThat(union).containsExactlyInAnyOrderElementsOf(all);

        Map<String, Integer> classes = species(all);
        Map<String, Integer> inTrain = species(train);
        Map<String, Integer> inValidation = species(validation);
        Map<String, Integer> inTest = species(test);
        assertThat(classes).hasSize(3);
        classes.forEach((cls, n) -> {
            assertThat((double) inTrain.get(cls)).as(cls).isCloseTo(0.7 * n, org.assertj.core.data.Offset.offset(1.0));
            assertThat((double) inValidation.get(cls)).as(cls)
                    .isCloseTo(0.15 * n, org.assertj.core.data.Offset.offset(1.0));
            assertThat((double) inTest.get(cls)).as(cls).isCloseTo(0.15 * n, org.assertj.core.data.Offset.offset(1.0));
        });
        assertThat(http.get("/api/v1/datasets/" + name + "/versions/2").body().path("splits").path("train").asLong())
                .isEqualTo(train.size());

        // the same recipe is the same version; another seed draws other rows in the same shares
        assertThat(http.post("/api/v1/datasets/" + name + "/versions/1/curate", STRATIFIED).status()).isEqualTo(200);
        Response reseeded = http.post("/api/v1/datasets/" + name + "/versions/1/curate",
                STRATIFIED.replace("\"seed\":7", "\"seed\":8"));
        assertThat(reseeded.status()).isEqualTo(201);
        assertThat(reseeded.body().path("splits").path("train").asLong()).isEqualTo(train.size());
        assertThat(rows(name, 3, "train")).isNotEqualTo(train);
    }

    @Test
    void aSelectionAfterTheSplitKeepsTheTopColumnsAndRecordsThemInTheLineage() {
        String name = penguins();
        String recipe = """
                {"recipe":{"steps":[{"op":"dedupe"},{"op":"dropMissing"},{"op":"select","method":"jmi","k":3}],
                 "split":{"method":"stratified","fractions":{"train":0.7,"test":0.3},"seed":7}}}""";
        Response created = http.post("/api/v1/datasets/" + name + "/versions/1/curate", recipe);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode select = http.get("/api/v1/datasets/" + name + "/versions/2").body().path("lineage").path("steps")
                .get(2);
        assertThat(select.path("op").asText()).isEqualTo("select");
        JsonNode fitted = select.path("fitted");
        assertThat(fitted.path("fittedOn").asText()).isEqualTo("train");
        assertThat(fitted.path("rows").asLong()).isEqualTo(created.body().path("splits").path("train").asLong());
        List<String> kept = new ArrayList<>();
        fitted.path("kept").forEach(f -> kept.add(f.path("name").asText()));
        assertThat(kept).hasSize(3).doesNotContain("Species");
        String header = http.get("/api/v1/datasets/" + name + "/versions/2/content").text().lines().findFirst()
                .orElseThrow();
        assertThat(Arrays.asList(header.split(","))).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(kept.stream(), java.util.stream.Stream.of("Species")).toList());
        assertThat(fitted.path("dropped").size()).isEqualTo(http.get("/api/v1/datasets/" + name + "/versions/1")
                .body().path("columns").size() - 4);
        // the same recipe on the same parent is the same version
        Response again = http.post("/api/v1/datasets/" + name + "/versions/1/curate", recipe);
        assertThat(again.body().path("version").asInt()).as(again.text()).isEqualTo(2);
    }

    @Test
    void badSplitsAre400sAndStoreNothing() {
        String name = penguins();
        String curate = "/api/v1/datasets/" + name + "/versions/1/curate";
        Response sum = http.post(curate, "{\"recipe\":{\"split\":{\"method\":\"random\","
                + "\"fractions\":{\"train\":0.7,\"test\":0.2}}}}");
        assertThat(sum.status()).isEqualTo(400);
        assertThat(sum.body().path("code").asString()).isEqualTo("invalid-recipe");
        assertThat(sum.body().path("field").asString()).isEqualTo("recipe.split");

        Response noColumn = http.post(curate, "{\"recipe\":{\"split\":{\"method\":\"time\",\"column\":\"When\","
                + "\"fractions\":{\"train\":0.5,\"test\":0.5}}}}");
        assertThat(noColumn.status()).isEqualTo(400);
        assertThat(noColumn.body().path("column").asString()).isEqualTo("When");
        Response notDates = http.post(curate, "{\"recipe\":{\"split\":{\"method\":\"time\",\"column\":\"Island\","
                + "\"fractions\":{\"train\":0.5,\"test\":0.5}}}}");
        assertThat(notDates.status()).isEqualTo(400);
        assertThat(notDates.body().path("column").asString()).isEqualTo("Island");

        assertThat(http.get("/api/v1/datasets/" + name + "/versions/1/content?split=train").body().path("code")
                .asString()).isEqualTo("unsupported-split");
        assertThat(http.get("/api/v1/datasets/" + name + "/versions/1/content?split=holdout").body().path("code")
                .asString()).isEqualTo("invalid-parameter");
        assertThat(http.get("/api/v1/datasets/" + name).body().path("latestVersion").asInt())
                .isEqualTo(1);
    }

    @Test
    void aStratifiedSplitRefusesAClassOfOneRow() {
        String name = uniqueName("one");
        assertThat(http.post("/api/v1/datasets", "{\"name\":\"" + name + "\",\"labelColumn\":\"y\"}").status())
                .isEqualTo(201);
        assertThat(postCsv(name, "x,y\n1,a\n2,a\n3,b\n4,b\n5,c\n".getBytes()).status()).isEqualTo(201);
        Response r = http.post("/api/v1/datasets/" + name + "/versions/1/curate", "{\"recipe\":{\"split\":{"
                + "\"method\":\"stratified\",\"fractions\":{\"train\":0.5,\"test\":0.5}}}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("column").asString()).isEqualTo("y");
        assertThat(r.body().path("detail").asString()).contains("class 'c'");
        assertThat(http.get("/api/v1/datasets/" + name).body().path("latestVersion").asInt()).isEqualTo(1);
    }
}
