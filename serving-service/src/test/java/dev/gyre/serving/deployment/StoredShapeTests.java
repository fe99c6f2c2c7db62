package dev.gyre.serving.deployment;

import java.time.Duration;

import dev.gyre.core.blob.Digests;
import dev.gyre.serving.ServingServiceTestBase;
import dev.gyre.test.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployment's jsonb column keeps its own shape: a change to the wire's StrategySpec does not reach it. */
class StoredShapeTests extends ServingServiceTestBase {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void storesTheStrategyInItsOwnShape() {
        assertThat(deploy("stored-shape", "penguins", "champion").status()).isEqualTo(201);

        String stored = jdbc.queryForObject("select strategy::text from deployment where name = ?", String.class,
                "stored-shape");
        assertThat(JSON.readTree(stored))
                .isEqualTo(JSON.readTree("{\"type\": \"single\", \"candidate\": null, \"trafficPercent\": null}"));
    }

    @Test
    void readsARowWrittenInTheStoredShape() {
        jdbc.update("""
                insert into deployment (name, model, alias, version, sha256, strategy, status, created_at, updated_at)
                values ('hand-written', 'penguins', null, 1, ?, cast(? as jsonb), 'READY', now(), now())""",
                Digests.sha256Hex(PENGUINS_V1), "{\"type\": \"single\"}");

        await(Duration.ofSeconds(20), "the hand-written deployment is loaded",
                () -> http.get("/api/v1/deployments/hand-written").body().get("status").asString().equals("READY"));
        Response read = http.get("/api/v1/deployments/hand-written");
        assertThat(read.body().get("strategy").get("type").asString()).isEqualTo("single");
        assertThat(read.body().get("version").asInt()).isEqualTo(1);
    }
}
