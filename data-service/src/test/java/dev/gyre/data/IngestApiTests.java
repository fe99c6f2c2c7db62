package dev.gyre.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.gyre.test.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.gyre.test.Datasets.penguinsCsv;
import static dev.gyre.test.ProblemAssertions.problem;
import static dev.gyre.test.UniqueNames.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IngestApiTests extends DataServiceTestBase {

    @Test
    void ingestsPenguinsWithInferredTypesAndAProfileThatMatchesTheFile() {
        String name = createDataset(uniqueName("penguins"), null);

        Response response = postCsv(name, penguinsCsv());

        assertThat(response.status()).as(response.text()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/datasets/" + name + "/versions/1");
        JsonNode v = response.body();
        assertThat(v.path("dataset").asString()).isEqualTo(name);
        assertThat(v.path("version").asInt()).isEqualTo(1);
        assertThat(v.path("rows").asLong()).isEqualTo(344);
        assertThat(v.path("contentHash").asString()).hasSize(64);
        assertThat(v.path("status").asString()).isEqualTo("VALID");
        assertThat(v.path("validation").path("passed").asBoolean()).isTrue();
        assertThat(v.path("validation").path("issues").size()).isZero();
        assertThat(v.path("lineage").path("source").asString()).isEqualTo("upload");
        assertThat(v.path("lineage").path("parent").isNull()).isTrue();
        assertThat(v.path("lineage").path("recipe").isNull()).isTrue();
        List<String> columns = new ArrayList<>();
        v.path("columns").forEach(c -> columns.add(c.path("name").asString() + ":" + c.path("type").asString()
                + ":" + c.path("nullable").asBoolean()));
        assertThat(columns).containsExactly("Species:categorical:false", "Island:categorical:false",
                "Beak Length (mm):numeric:true", "Beak Depth (mm):numeric:true",
                "Flipper Length (mm):numeric:true", "Body Mass (g):numeric:true", "Sex:categorical:true");

        // Body Mass (g), computed here from the file independently of gyre-core
        String[] lines = new String(penguinsCsv(), StandardCharsets.UTF_8).split("\r?\n");
        int col = Arrays.asList(lines[0].split(",")).indexOf("Body Mass (g)");
        double[] masses = Arrays.stream(lines).skip(1).map(l -> l.split(",", -1)[col])
                .filter(s -> !s.isBlank() && !s.equals("NA")).mapToDouble(Double::parseDouble).toArray();
        double mean = Arrays.stream(masses).average().orElseThrow();
        double std = Math.sqrt(Arrays.stream(masses).map(m -> (m - mean) * (m - mean)).sum() / (masses.length - 1));
        assertThat(masses.length).isEqualTo(342); // sanity of the independent parse

        JsonNode profile = http.get("/api/v1/datasets/" + name + "/versions/1/profile").body();
        assertThat(profile.path("rows").asLong()).isEqualTo(344);
        JsonNode mass = null;
        for (JsonNode c : profile.path("columns")) {
            if (c.path("name").asString().equals("Body Mass (g)")) {
                mass = c;
            }
        }
        assertThat(mass).isNotNull();
        assertThat(mass.path("type").asString()).isEqualTo("numeric");
        assertThat(mass.path("count").asLong()).isEqualTo(masses.length);
        assertThat(mass.path("missing").asLong()).isEqualTo(344 - masses.length);
        assertThat(mass.path("mean").asDouble()).isCloseTo(mean, within(1e-9));
        assertThat(mass.path("std").asDouble()).isCloseTo(std, within(1e-9));
        assertThat(mass.path("min").asDouble()).isEqualTo(Arrays.stream(masses).min().orElseThrow());
        assertThat(mass.path("max").asDouble()).isEqualTo(Arrays.stream(masses).max().orElseThrow());
        assertThat(mass.path("distinct").asLong()).isEqualTo(Arrays.stream(masses).distinct().count());
        long histogramTotal = 0;
        for (JsonNode bin : mass.path("histogram")) {
            histogramTotal += bin.path("count").asLong();
        }
        assertThat(histogramTotal).isEqualTo(masses.length);
        assertThat(mass.path("quantiles").path("p50").isNumber()).isTrue();
        assertThat(mass.has("topValues")).as("nulls are omitted").isFalse();

        JsonNode species = profile.path("columns").get(0);
        assertThat(species.path("type").asString()).isEqualTo("categorical");
        assertThat(species.has("mean")).isFalse();
        assertThat(species.path("topValues").get(0).path("value").asString()).isEqualTo("Adelie");
        assertThat(species.path("topValues").get(0).path("count").asLong()).isEqualTo(152);
    }

    @Test
    void reuploadingTheSameBytesAnswers200WithTheExistingVersion() {
        String name = createDataset(uniqueName("again"), null);
        JsonNode first = postCsv(name, penguinsCsv()).body();

        Response again = postCsv(name, penguinsCsv());

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("version").asInt()).isEqualTo(1);
        assertThat(again.body().path("contentHash").asString()).isEqualTo(first.path("contentHash").asString());
        assertThat(http.get("/api/v1/datasets/" + name + "/versions").body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void differentContentBecomesTheNextVersion() {
        String name = createDataset(uniqueName("next"), null);
        assertThat(postCsv(name, "a,b\n1,2\n".getBytes()).status()).isEqualTo(201);

        Response second = postCsv(name, "a,b\n1,2\n3,4\n".getBytes());

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body().path("version").asInt()).isEqualTo(2);
        assertThat(second.body().path("rows").asLong()).isEqualTo(2);
        assertThat(http.get("/api/v1/datasets/" + name).body().path("latestVersion").asInt()).isEqualTo(2);
        JsonNode list = http.get("/api/v1/datasets/" + name + "/versions").body();
        assertThat(list.path("items").get(0).path("version").asInt()).isEqualTo(1);
        assertThat(list.path("items").get(1).path("version").asInt()).isEqualTo(2);
    }

    @Test
    void rejectsARaggedCsvNamingTheLineAndStoresNothing() {
        String name = createDataset(uniqueName("ragged"), null);
        assertThat(postCsv(name, "a,b,c\n1,2,3\n".getBytes()).status()).isEqualTo(201);

        JsonNode problem = problem(postCsv(name, "a,b,c\n1,2,3\n4,5,6\n7,8\n9,10,11\n".getBytes()), 400,
                "invalid-csv");

        assertThat(problem.path("line").asLong()).isEqualTo(4);
        assertThat(problem.path("detail").asString()).startsWith("line 4:");
        assertThat(http.get("/api/v1/datasets/" + name + "/versions").body().path("total").asLong()).isEqualTo(1);
        assertThat(http.get("/api/v1/datasets/" + name).body().path("latestVersion").asInt()).isEqualTo(1);
    }

    @Test
    void rejectsABinaryBody() {
        String name = createDataset(uniqueName("binary"), null);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                (byte) 0xff, (byte) 0xfe, 0, 1};

        JsonNode problem = problem(postCsv(name, png), 400, "invalid-csv");

        assertThat(problem.path("line").asLong()).isEqualTo(1);
        problem(http.post("/api/v1/datasets/" + name + "/versions", "application/octet-stream", png), 415,
                "unsupported-media-type");
        assertThat(http.get("/api/v1/datasets/" + name + "/versions").body().path("total").asLong()).isZero();
    }

    @Test
    void rejectsAnEmptyBody() {
        String name = createDataset(uniqueName("empty"), null);

        assertThat(problem(postCsv(name, new byte[0]), 400, "missing-body").path("field").asString())
                .isEqualTo("body");
    }

    @Test
    void readsABomQuotedNewlinesAndColumnNamesWithSpacesSlashesAndParentheses() {
        String name = createDataset(uniqueName("awkward"), null);
        byte[] csv = ("\uFEFFWeight (kg),km/h,\"Note, free text\"\r\n"
                + "70.5,12,\"first line\nsecond line\"\r\n"
                + "80,,plain\r\n").getBytes(StandardCharsets.UTF_8);

        Response response = postCsv(name, csv);

        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode v = response.body();
        assertThat(v.path("rows").asLong()).isEqualTo(2);
        assertThat(v.path("columns").get(0).path("name").asString()).isEqualTo("Weight (kg)");
        assertThat(v.path("columns").get(0).path("type").asString()).isEqualTo("numeric");
        assertThat(v.path("columns").get(1).path("name").asString()).isEqualTo("km/h");
        assertThat(v.path("columns").get(1).path("nullable").asBoolean()).isTrue();
        assertThat(v.path("columns").get(2).path("name").asString()).isEqualTo("Note, free text");
        JsonNode note = http.get("/api/v1/datasets/" + name + "/versions/1/profile").body().path("columns").get(2);
        assertThat(note.path("topValues").findValuesAsString("value"))
                .containsExactlyInAnyOrder("first line\nsecond line", "plain");
        assertSameRows(http.get("/api/v1/datasets/" + name + "/versions/1/content").bytes(), csv);
    }

    @Test
    void storesAVersionThatBreaksTheDeclaredSchemaAsInvalidWithItsIssues() {
        String name = createDataset(uniqueName("declared"), """
                [{"name":"age","type":"numeric","nullable":false},{"name":"member","type":"boolean"}]""");

        Response response = postCsv(name, "age,member\n31,true\nthirty,false\n,true\n".getBytes());

        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode v = response.body();
        assertThat(v.path("status").asString()).isEqualTo("INVALID");
        assertThat(v.path("validation").path("passed").asBoolean()).isFalse();
        List<String> issues = new ArrayList<>();
        v.path("validation").path("issues").forEach(i -> issues.add(i.path("rule").asString() + "/"
                + i.path("column").asString() + "/" + i.path("row").asInt()));
        assertThat(issues).containsExactly("type/age/2", "not-null/age/3");
        assertThat(v.path("validation").path("issues").get(0).path("message").asString()).contains("thirty");
        assertThat(v.path("columns").get(0).path("type").asString()).isEqualTo("numeric");

        JsonNode read = http.get("/api/v1/datasets/" + name + "/versions/1").body();
        assertThat(read.path("status").asString()).isEqualTo("INVALID");
        assertThat(read.path("validation").path("issues").size()).isEqualTo(2);
        assertThat(postCsv(name, "age,member\n31,true\n40,false\n".getBytes()).body().path("status").asString())
                .isEqualTo("VALID");
    }

    @Test
    void returnsTheStoredRowsAsCsv() {
        String name = createDataset(uniqueName("roundtrip"), null);
        assertThat(postCsv(name, penguinsCsv()).status()).isEqualTo(201);

        Response content = http.get("/api/v1/datasets/" + name + "/versions/1/content");

        assertThat(content.status()).isEqualTo(200);
        assertThat(content.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type.toLowerCase().replace(" ", "")).isEqualTo("text/csv;charset=utf-8"));
        assertSameRows(content.bytes(), penguinsCsv());
        assertThat(problem(http.get("/api/v1/datasets/" + name + "/versions/1/content?split=train"), 400,
                "unsupported-split").path("field").asString()).isEqualTo("split");
        problem(http.get("/api/v1/datasets/" + name + "/versions/9/content"), 404, "not-found");
        problem(http.get("/api/v1/datasets/" + name + "/versions/9/profile"), 404, "not-found");
        problem(http.get("/api/v1/datasets/" + name + "/versions/one"), 400, "invalid-parameter");
    }

    @Test
    void acceptsAMultipartFile() {
        String name = createDataset(uniqueName("multipart"), null);

        Response response = postMultipart("/api/v1/datasets/" + name + "/versions", "file",
                "penguins.csv", penguinsCsv());

        assertThat(response.status()).as(response.text()).isEqualTo(201);
        assertThat(response.body().path("rows").asLong()).isEqualTo(344);
        assertThat(postMultipart("/api/v1/datasets/" + name + "/versions", "file", "penguins.csv", penguinsCsv())
                .status()).isEqualTo(200);
        assertThat(problem(postMultipart("/api/v1/datasets/" + name + "/versions", "file", "ragged.csv",
                "a,b\n1\n".getBytes()), 400, "invalid-csv").path("line").asLong()).isEqualTo(2);
    }
    @Test
    void refusesAHeaderOnlyCsvAndStoresNothing() {
        String name = createDataset(uniqueName("headeronly"), null);

        JsonNode problem = problem(postCsv(name, "a,b,c\n".getBytes()), 400, "no-rows", "body");

        assertThat(problem.path("line").asLong()).isEqualTo(2);
        assertThat(problem.path("detail").asString()).contains("at least one row");
        problem(postCsv(name, "a,b,c\r\n\r\n   \r\n".getBytes()), 400, "no-rows", "body");
        problem(postMultipart("/api/v1/datasets/" + name + "/versions", "file", "h.csv", "a,b\n".getBytes()), 400,
                "no-rows");
        assertThat(http.get("/api/v1/datasets/" + name + "/versions").body().path("total").asLong()).isZero();
        assertThat(http.get("/api/v1/datasets/" + name).body().path("latestVersion").isNull()).isTrue();
    }

    @Test
    void aDatasetWithALabelColumnTakesOnlyVersionsThatHaveIt() {
        String name = uniqueName("labelled");
        assertThat(http.post("/api/v1/datasets", "{\"name\":\"" + name + "\",\"labelColumn\":\"Species\"}")
                .status()).isEqualTo(201);
        String unlabelled = createDataset(uniqueName("unlabelled"), null);
        byte[] json = "{\"source\": {\"type\": \"url\", \"url\": \"http://example.com/a.csv\"}}"
                .getBytes(StandardCharsets.UTF_8);

        JsonNode missing = problem(postCsv(name, "Island,Sex\nDream,MALE\n".getBytes()), 400,
                "missing-label-column", "body");
        assertThat(missing.path("column").asString()).isEqualTo("Species");
        assertThat(missing.path("detail").asString()).contains("'Species'", "\"Island\", \"Sex\"");
        // a JSON document sent as text/csv is a one-line CSV: no label column, and no rows
        assertThat(problem(postCsv(name, json), 400, "missing-label-column", "body").path("detail").asString())
                .contains("{\"source\"");
        problem(postCsv(unlabelled, json), 400, "no-rows", "body");
        problem(postCsv(name, "Species,Island\n".getBytes()), 400, "no-rows", "body");
        assertThat(http.get("/api/v1/datasets/" + name + "/versions").body().path("total").asLong()).isZero();
        assertThat(http.get("/api/v1/datasets/" + unlabelled + "/versions").body().path("total").asLong()).isZero();

        assertThat(postCsv(name, penguinsCsv()).status()).isEqualTo(201);
    }
}
