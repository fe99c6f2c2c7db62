package dev.gyre.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.gyre.test.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.gyre.test.UniqueNames.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

/** Declared rules with severities, quarantine, and the schema proposal, over HTTP. */
class RulesApiTests extends DataServiceTestBase {
    /** 12 rows: row 3 has age 140 (above max), row 7 repeats row 6's id, row 9's code breaks the pattern. */
    private static final String CSV = """
            id,age,code,label
            a1,30,AB100,yes
            a2,41,AB101,no
            a3,140,AB102,yes
            a4,25,AB103,no
            a5,,AB104,yes
            a6,33,AB105,no
            a6,38,AB106,yes
            a8,52,AB107,no
            a9,47,zz-9,yes
            a10,29,AB109,no
            a11,61,AB110,yes
            a12,36,AB111,no
            """;
    private static final String SCHEMA = """
            [{"name":"id","type":"categorical","nullable":false,"unique":true},
             {"name":"age","type":"numeric","min":0,"max":120,"maxMissingRate":0.1},
             {"name":"code","type":"categorical","pattern":"[A-Z]{2}[0-9]{3}","severity":"warning"},
             {"name":"label","type":"categorical","allowed":["yes","no"]}]""";

    private String dataset(String onError) {
        String name = uniqueName("rules");
        Response created = http.post("/api/v1/datasets", "{\"name\":\"" + name + "\",\"labelColumn\":\"label\","
                + "\"schema\":" + SCHEMA + ",\"onError\":\"" + onError + "\",\"minRows\":5}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().path("onError").asString()).isEqualTo(onError);
        assertThat(created.body().path("schema").get(1).path("max").asDouble()).isEqualTo(120.0);
        return name;
    }

    private static JsonNode rule(JsonNode version, String rule) {
        for (JsonNode r : version.path("validation").path("rules")) {
            if (r.path("rule").asString().equals(rule)) {
                return r;
            }
        }
        throw new AssertionError("no rule " + rule + " in " + version);
    }

    /**
     * A curated version is checked against the rules of the columns it keeps: removing the rows that break the
     * errors makes it VALID; a recipe that leaves them makes it INVALID; a renamed column leaves its rules behind.
     */
    @Test
    void aCuratedVersionIsCheckedAgainstTheDeclaredRulesOfTheColumnsItKeeps() {
        String name = dataset("reject");
        assertThat(postCsv(name, CSV.getBytes(StandardCharsets.UTF_8)).body().path("status").asString())
                .isEqualTo("INVALID");

        Response fixed = http.post("/api/v1/datasets/" + name + "/versions/1/curate", """
                {"recipe":{"steps":[{"op":"dedupe","columns":["id"]},{"op":"filter","expression":"age <= 120"}]}}""");
        assertThat(fixed.status()).as(fixed.text()).isEqualTo(201);
        assertThat(fixed.body().path("status").asString()).as(fixed.text()).isEqualTo("VALID");
        assertThat(rule(fixed.body(), "pattern").path("failingRows").asLong()).isEqualTo(1); // the warning stays
        assertThat(fixed.body().path("rows").asLong()).isEqualTo(9); // 12, less a6's copy, age 140 and the missing age

        Response broken = http.post("/api/v1/datasets/" + name + "/versions/1/curate", """
                {"recipe":{"steps":[{"op":"dedupe","columns":["id"]}]}}""");
        assertThat(broken.body().path("status").asString()).as(broken.text()).isEqualTo("INVALID");
        assertThat(rule(broken.body(), "max").path("failingRows").asLong()).isEqualTo(1);

        Response renamed = http.post("/api/v1/datasets/" + name + "/versions/1/curate", """
                {"recipe":{"steps":[{"op":"dedupe","columns":["id"]},{"op":"rename","columns":{"age":"years"}}]}}""");
        assertThat(renamed.body().path("status").asString()).as(renamed.text()).isEqualTo("VALID");
    }

    @Test
    void anErrorMakesTheVersionInvalidAndAWarningIsReportedWithRowsAndValues() {
        String name = dataset("reject");
        Response v = postCsv(name, CSV.getBytes(StandardCharsets.UTF_8));

        assertThat(v.status()).as(v.text()).isEqualTo(201);
        JsonNode body = v.body();
        assertThat(body.path("status").asString()).isEqualTo("INVALID");
        assertThat(body.path("validation").path("passed").asBoolean()).isFalse();
        assertThat(body.path("rows").asLong()).isEqualTo(12);
        JsonNode max = rule(body, "max");
        assertThat(max.path("column").asString()).isEqualTo("age");
        assertThat(max.path("severity").asString()).isEqualTo("error");
        assertThat(max.path("failingRows").asLong()).isEqualTo(1);
        assertThat(max.path("examples").get(0).path("row").asLong()).isEqualTo(3);
        assertThat(max.path("examples").get(0).path("value").asString()).isEqualTo("140");
        assertThat(rule(body, "unique").path("examples").get(0).path("row").asLong()).isEqualTo(7);
        JsonNode pattern = rule(body, "pattern");
        assertThat(pattern.path("severity").asString()).isEqualTo("warning");
        assertThat(pattern.path("examples").get(0).path("value").asString()).isEqualTo("zz-9");
        // 1 of 12 missing is under 10%: not failed
        assertThat(body.path("validation").path("rules").findValuesAsString("rule")).doesNotContain("max-missing-rate");
        assertThat(http.get("/api/v1/datasets/" + name + "/versions/1/quarantine").status()).isEqualTo(404);
    }

    @Test
    void quarantineStoresTheValidRowsAndSetsAsideTheFailingOnesWithTheirRules() {
        String name = dataset("quarantine");
        Response v = postCsv(name, CSV.getBytes(StandardCharsets.UTF_8));

        assertThat(v.status()).as(v.text()).isEqualTo(201);
        JsonNode body = v.body();
        assertThat(body.path("status").asString()).as("the warning alone does not make it INVALID").isEqualTo("VALID");
        assertThat(body.path("rows").asLong()).isEqualTo(10);
        assertThat(body.path("validation").path("quarantined").asLong()).isEqualTo(2);
        assertThat(rule(body, "pattern").path("failingRows").asLong()).isEqualTo(1);

        Response quarantine = http.get("/api/v1/datasets/" + name + "/versions/1/quarantine");
        assertThat(quarantine.status()).isEqualTo(200);
        assertThat(quarantine.text().strip().split("\r?\n")).containsExactly(
                "__row,id,age,code,label,__rules",
                "3,a3,140,AB102,yes,max(age)",
                "7,a6,38,AB106,yes,unique(id)");
        String content = http.get("/api/v1/datasets/" + name + "/versions/1/content").text();
        List<String> ids = new ArrayList<>();
        for (String line : content.strip().split("\r?\n")) {
            ids.add(line.split(",")[0]);
        }
        assertThat(ids).containsExactly("id", "a1", "a2", "a4", "a5", "a6", "a8", "a9", "a10", "a11", "a12");
    }

    @Test
    void aSchemaProposalCanBeDeclaredInOneCallAndTheVersionItCameFromPasses() {
        String name = uniqueName("propose");
        assertThat(http.post("/api/v1/datasets", "{\"name\":\"" + name + "\",\"labelColumn\":\"label\"}").status())
                .isEqualTo(201);
        assertThat(postCsv(name, CSV.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);

        Response proposal = http.get("/api/v1/datasets/" + name + "/versions/1/schema-proposal");
        assertThat(proposal.status()).as(proposal.text()).isEqualTo(200);
        JsonNode schema = proposal.body().path("schema");
        assertThat(schema.get(1).path("type").asString()).isEqualTo("numeric");
        assertThat(schema.get(1).path("min").asDouble()).isEqualTo(25.0);
        assertThat(schema.get(1).path("max").asDouble()).isEqualTo(140.0);
        assertThat(schema.get(1).path("nullable").asBoolean()).isTrue();
        assertThat(schema.get(1).path("maxMissingRate").asDouble()).isEqualTo(0.0834); // 1/12 rounded up
        assertThat(schema.get(3).path("allowed").findValuesAsString("")).isEmpty();
        assertThat(schema.get(3).path("allowed").size()).isEqualTo(2);
        assertThat(schema.get(3).path("allowed").get(0).asString()).isEqualTo("no");
        assertThat(schema.get(0).path("nullable").asBoolean()).isFalse();

        Response declared = http.put("/api/v1/datasets/" + name + "/schema", proposal.text());
        assertThat(declared.status()).as(declared.text()).isEqualTo(200);
        assertThat(declared.body().path("schema").size()).isEqualTo(4);
        // the same rows again, one byte different so that they make a new version: they pass what was proposed
        Response again = postCsv(name, (CSV + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(again.status()).as(again.text()).isEqualTo(201);
        assertThat(again.body().path("status").asString()).as(again.text()).isEqualTo("VALID");
        // and a row outside the proposed range does not
        Response outside = postCsv(name, CSV.replace("a12,36", "a12,3").getBytes(StandardCharsets.UTF_8));
        assertThat(outside.body().path("status").asString()).isEqualTo("INVALID");
        assertThat(rule(outside.body(), "min").path("examples").get(0).path("row").asLong()).isEqualTo(12);
    }

    @Test
    void badRulesAre400sNamingTheField() {
        String base = "{\"name\":\"" + uniqueName("bad") + "\",";
        assertBad(base + "\"schema\":[{\"name\":\"a\",\"type\":\"categorical\",\"min\":1}]}", "schema[0].min");
        assertBad(base + "\"schema\":[{\"name\":\"a\",\"type\":\"numeric\",\"min\":5,\"max\":1}]}", "schema[0].min");
        assertBad(base + "\"schema\":[{\"name\":\"a\",\"type\":\"numeric\",\"allowed\":[\"x\"]}]}",
                "schema[0].allowed[0]");
        assertBad(base + "\"schema\":[{\"name\":\"a\",\"type\":\"categorical\",\"pattern\":\"(?<=a)b\"}]}",
                "schema[0].pattern");
        assertBad(base + "\"schema\":[{\"name\":\"a\",\"type\":\"categorical\",\"pattern\":\"([a-z\"}]}",
                "schema[0].pattern");
        assertBad(base + "\"schema\":[{\"name\":\"a\",\"type\":\"numeric\",\"maxMissingRate\":2}]}",
                "schema[0].maxMissingRate");
        assertBad(base + "\"schema\":[{\"name\":\"a\",\"type\":\"numeric\",\"severity\":\"fatal\"}]}",
                "schema[0].severity");
        assertBad(base + "\"schema\":[{\"name\":\"a\",\"type\":\"numeric\"}],\"onError\":\"drop\"}", "onError");
        assertBad(base + "\"schema\":[{\"name\":\"a\",\"type\":\"numeric\"}],\"minRows\":-1}", "minRows");

        String name = uniqueName("put");
        assertThat(http.post("/api/v1/datasets", "{\"name\":\"" + name + "\",\"labelColumn\":\"label\"}").status())
                .isEqualTo(201);
        Response noLabel = http.put("/api/v1/datasets/" + name + "/schema",
                "{\"schema\":[{\"name\":\"a\",\"type\":\"numeric\"}]}");
        assertThat(noLabel.status()).isEqualTo(400);
        assertThat(noLabel.body().path("field").asString()).isEqualTo("schema");
        assertThat(http.put("/api/v1/datasets/" + name + "/schema", "{}").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/datasets/" + name).body().path("schema").isNull()).isTrue();
        assertThat(http.put("/api/v1/datasets/" + uniqueName("none") + "/schema",
                "{\"schema\":[]}").status()).isEqualTo(404);
    }

    private void assertBad(String body, String field) {
        Response r = http.post("/api/v1/datasets", body);
        assertThat(r.status()).as(body).isEqualTo(400);
        assertThat(r.body().path("code").asString()).isEqualTo("invalid-schema");
        assertThat(r.body().path("field").asString()).as(r.text()).isEqualTo(field);
    }
}
