package dev.gyre.data;

import java.nio.charset.StandardCharsets;

import dev.gyre.core.blob.BlobStore;
import dev.gyre.core.blob.Digests;
import dev.gyre.test.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.gyre.test.UniqueNames.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dataset's declared schema and a version's columns, issues and profile keep their own jsonb shape: a change
 * to the wire's ColumnSpec, ValidationIssueResponse or DatasetProfileResponse does not reach the database.
 */
class StoredShapeTests extends DataServiceTestBase {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VERSION_COLUMN = "select v.%s::text from dataset_version v join dataset d"
            + " on d.id = v.dataset_id where d.name = ? and v.version = 1";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BlobStore blobs;

    @Test
    void storesTheSchemaAndTheVersionInTheirOwnShape() {
        String name = createDataset(uniqueName("stored-shape"), """
                [{"name":"x","type":"NUMERIC","nullable":false},{"name":"c","type":"categorical"},
                 {"name":"b","type":"boolean","nullable":false}]""");
        assertThat(postCsv(name, "x,c,b,extra\n1,a,true,z\n2,,,\n".getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(201);

        assertJson(jdbc.queryForObject("select declared_schema::text from dataset where name = ?", String.class,
                name), """
                [{"name": "x", "type": "numeric", "nullable": false}, {"name": "c", "type": "categorical", "nullable": true},
                 {"name": "b", "type": "boolean", "nullable": false}]""");
        assertJson(version("columns", name), """
                [{"name": "x", "type": "numeric", "nullable": false}, {"name": "c", "type": "categorical", "nullable": true},
                 {"name": "b", "type": "boolean", "nullable": false}, {"name": "extra", "type": "categorical", "nullable": true}]""");
        assertJson(version("issues", name), """
                [{"rule": "unexpected-column", "column": "extra", "row": null,
                  "message": "column \\"extra\\" is in the file but not declared", "severity": "error"},
                 {"rule": "not-null", "column": "b", "row": 2, "message": "row 2: missing value in non-nullable column \\"b\\"",
                  "severity": "error"}]""");
        assertJson(version("rule_results", name), """
                [{"rule": "unexpected-column", "column": "extra", "severity": "error", "failingRows": 2, "examples": []},
                 {"rule": "not-null", "column": "b", "severity": "error", "failingRows": 1,
                  "examples": [{"row": 2, "value": null}]}]""");
        // null statistics are omitted (numeric columns have no topValues, the others no mean ... histogram)
        assertJson(version("profile", name), """
                {"rows": 2, "columns": [
                  {"name": "x", "type": "numeric", "count": 2, "missing": 0, "distinct": 2, "mean": 1.5,
                   "std": 0.7071067811865476, "min": 1.0, "max": 2.0,
                   "quantiles": {"p01": 1.01, "p05": 1.05, "p25": 1.25, "p50": 1.5, "p75": 1.75, "p95": 1.95, "p99": 1.99},
                   "histogram": [{"lower": 1.0, "upper": 1.1, "count": 1}, {"lower": 1.1, "upper": 1.2, "count": 0},
                     {"lower": 1.2, "upper": 1.3, "count": 0}, {"lower": 1.3, "upper": 1.4, "count": 0},
                     {"lower": 1.4, "upper": 1.5, "count": 0}, {"lower": 1.5, "upper": 1.6, "count": 0},
                     {"lower": 1.6, "upper": 1.7000000000000002, "count": 0},
                     {"lower": 1.7000000000000002, "upper": 1.8, "count": 0},
                     {"lower": 1.8, "upper": 1.9, "count": 0}, {"lower": 1.9, "upper": 2.0, "count": 1}]},
                  {"name": "c", "type": "categorical", "count": 1, "missing": 1, "distinct": 1,
                   "topValues": [{"value": "a", "count": 1}]},
                  {"name": "b", "type": "boolean", "count": 1, "missing": 1, "distinct": 1,
                   "topValues": [{"value": "true", "count": 1}]},
                  {"name": "extra", "type": "categorical", "count": 1, "missing": 1, "distinct": 1,
                   "topValues": [{"value": "z", "count": 1}]}]}""");
    }

    @Test
    void storesACuratedVersionsStepsInTheirOwnShape() {
        String name = createDataset(uniqueName("stored-curation"), null);
        assertThat(postCsv(name, "x,c\n1,a\n1,a\n,b\n".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
        assertThat(http.post("/api/v1/datasets/" + name + "/versions/1/curate", """
                {"recipe":{"steps":[{"op":"dedupe"},{"op":"impute","columns":["x"],"strategy":"constant","value":0}]}}
                """).status()).isEqualTo(201);

        assertJson(jdbc.queryForObject("select v.curation::text from dataset_version v join dataset d on d.id ="
                + " v.dataset_id where d.name = ? and v.version = 2", String.class, name), """
                [{"op": "dedupe", "rowsChanged": 1, "valuesChanged": 0},
                 {"op": "impute", "rowsChanged": 0, "valuesChanged": 1, "fitted": {"fills": {"x": 0.0}}}]""");
        assertThat(version("curation", name)).as("an ingested version has none").isNull();
    }

    @Test
    void storesNoDeclaredSchemaAsSqlNull() {
        String name = createDataset(uniqueName("stored-none"), null);

        assertThat(jdbc.queryForObject("select declared_schema is null from dataset where name = ?", Boolean.class,
                name)).isTrue();
    }

    @Test
    void readsADatasetAndAVersionWrittenInTheStoredShape() {
        String name = uniqueName("hand-written");
        byte[] csv = "n,k\n1.5,a\n".getBytes(StandardCharsets.UTF_8);
        String hash = Digests.sha256Hex(csv);
        assertThat(blobs.put(csv)).isEqualTo(hash); // a version from before Parquet: its CSV under its hash
        Long id = jdbc.queryForObject("insert into dataset (name, label_column, declared_schema, latest_version)"
                        + " values (?, 'k', cast(? as jsonb), 1) returning id", Long.class, name,
                "[{\"name\": \"n\", \"type\": \"numeric\", \"nullable\": false},"
                        + " {\"name\": \"k\", \"type\": \"categorical\", \"nullable\": true}]");
        jdbc.update("insert into dataset_version (dataset_id, version, content_hash, row_count, columns, status,"
                        + " issues, profile, source) values (?, 1, ?, 1, cast(? as jsonb), 'INVALID', cast(? as jsonb),"
                        + " cast(? as jsonb), 'upload')", id, hash,
                "[{\"name\": \"n\", \"type\": \"numeric\", \"nullable\": false},"
                        + " {\"name\": \"k\", \"type\": \"categorical\", \"nullable\": true}]",
                "[{\"row\": 1, \"rule\": \"type\", \"column\": \"n\", \"message\": \"hand-written issue\"}]",
                "{\"rows\": 1, \"columns\": [{\"name\": \"n\", \"type\": \"numeric\", \"count\": 1, \"missing\": 0,"
                        + " \"distinct\": 1, \"mean\": 1.5, \"min\": 1.5, \"max\": 1.5, \"quantiles\": {\"p50\": 1.5},"
                        + " \"histogram\": [{\"lower\": 1.5, \"upper\": 1.5, \"count\": 1}]},"
                        + " {\"name\": \"k\", \"type\": \"categorical\", \"count\": 1, \"missing\": 0, \"distinct\": 1,"
                        + " \"topValues\": [{\"value\": \"a\", \"count\": 1}]}]}");

        JsonNode dataset = ok(http.get("/api/v1/datasets/" + name));
        assertThat(dataset.path("labelColumn").asString()).isEqualTo("k");
        assertThat(dataset.path("latestVersion").asInt()).isEqualTo(1);
        assertThat(dataset.path("schema").get(0).path("name").asString()).isEqualTo("n");
        assertThat(dataset.path("schema").get(0).path("type").asString()).isEqualTo("numeric");
        assertThat(dataset.path("schema").get(0).path("nullable").asBoolean()).isFalse();
        assertThat(dataset.path("schema").get(1).path("type").asString()).isEqualTo("categorical");
        assertThat(dataset.path("schema").get(1).path("nullable").asBoolean()).isTrue();

        JsonNode version = ok(http.get("/api/v1/datasets/" + name + "/versions/1"));
        assertThat(version.path("rows").asLong()).isEqualTo(1);
        assertThat(version.path("status").asString()).isEqualTo("INVALID");
        assertThat(version.path("columns").get(1).path("name").asString()).isEqualTo("k");
        assertThat(version.path("columns").get(1).path("type").asString()).isEqualTo("categorical");
        assertThat(version.path("columns").get(1).path("nullable").asBoolean()).isTrue();
        assertThat(version.path("validation").path("passed").asBoolean()).isFalse();
        JsonNode issue = version.path("validation").path("issues").get(0);
        assertThat(issue.path("rule").asString()).isEqualTo("type");
        assertThat(issue.path("column").asString()).isEqualTo("n");
        assertThat(issue.path("row").asInt()).isEqualTo(1);
        assertThat(issue.path("message").asString()).isEqualTo("hand-written issue");

        JsonNode profile = ok(http.get("/api/v1/datasets/" + name + "/versions/1/profile"));
        assertThat(profile.path("rows").asLong()).isEqualTo(1);
        JsonNode n = profile.path("columns").get(0);
        assertThat(n.path("type").asString()).isEqualTo("numeric");
        assertThat(n.path("mean").asDouble()).isEqualTo(1.5);
        assertThat(n.path("quantiles").path("p50").asDouble()).isEqualTo(1.5);
        assertThat(n.path("histogram").get(0).path("count").asLong()).isEqualTo(1);
        assertThat(n.has("std")).as("absent statistics stay omitted").isFalse();
        assertThat(n.has("topValues")).isFalse();
        JsonNode k = profile.path("columns").get(1);
        assertThat(k.path("topValues").get(0).path("value").asString()).isEqualTo("a");
        assertThat(k.path("topValues").get(0).path("count").asLong()).isEqualTo(1);
        assertThat(k.has("mean")).isFalse();

        // converted to Parquet on its first read, once
        assertThat(http.get("/api/v1/datasets/" + name + "/versions/1/content").text()).isEqualTo("n,k\n1.5,a\n");
        String key = jdbc.queryForObject("select v.content_key from dataset_version v join dataset d on d.id ="
                + " v.dataset_id where d.name = ?", String.class, name);
        assertThat(key).isNotNull().isNotEqualTo(hash);
        assertThat(http.get("/api/v1/datasets/" + name + "/versions/1/content").text()).isEqualTo("n,k\n1.5,a\n");
        assertThat(jdbc.queryForObject("select v.content_key from dataset_version v join dataset d on d.id ="
                + " v.dataset_id where d.name = ?", String.class, name)).isEqualTo(key);
    }

    private String version(String column, String dataset) {
        return jdbc.queryForObject(VERSION_COLUMN.formatted(column), String.class, dataset);
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body();
    }

    private static void assertJson(String stored, String expected) {
        assertThat(JSON.readTree(stored)).isEqualTo(JSON.readTree(expected));
    }
}
