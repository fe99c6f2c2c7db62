package dev.gyre.registry;

import dev.gyre.test.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A model version's lineage column keeps its own shape: a change to the wire's ModelLineage does not reach it. */
class StoredShapeTests extends RegistryServiceTestBase {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LINEAGE = "select v.lineage::text from model_version v join registered_model m"
            + " on m.id = v.model_id where m.name = ? and v.version = 1";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void storesTheLineageInItsOwnShape() {
        registered("stored-lineage", logisticBundle("stored-lineage"), 201, 1);

        assertThat(JSON.readTree(jdbc.queryForObject(LINEAGE, String.class, "stored-lineage"))).isEqualTo(JSON.readTree("""
                {"dataset": "penguins", "datasetVersion": 1, "datasetContentHash": null, "trainingJob": "job-1",
                 "run": "run-1", "algorithm": "logistic-regression", "codeVersion": "test"}"""));
    }

    @Test
    void readsALineageWrittenInTheStoredShape() {
        registered("hand-lineage", logisticBundle("hand-lineage"), 201, 1);
        jdbc.update("update model_version set lineage = cast(? as jsonb) where model_id ="
                        + " (select id from registered_model where name = 'hand-lineage')",
                "{\"dataset\": \"iris\", \"datasetVersion\": 7, \"datasetContentHash\": \"sha256:ab\","
                        + " \"trainingJob\": \"job-7\", \"run\": \"run-7\", \"algorithm\": \"cart\", \"codeVersion\": \"0.9\"}");

        Response read = http.get("/api/v1/models/hand-lineage/versions/1");
        JsonNode lineage = read.body().get("lineage");
        assertThat(lineage.get("dataset").asString()).isEqualTo("iris");
        assertThat(lineage.get("datasetVersion").asInt()).isEqualTo(7);
        assertThat(lineage.get("datasetContentHash").asString()).isEqualTo("sha256:ab");
        assertThat(lineage.get("trainingJob").asString()).isEqualTo("job-7");
        assertThat(lineage.get("run").asString()).isEqualTo("run-7");
        assertThat(lineage.get("algorithm").asString()).isEqualTo("cart");
        assertThat(lineage.get("codeVersion").asString()).isEqualTo("0.9");
    }
}
