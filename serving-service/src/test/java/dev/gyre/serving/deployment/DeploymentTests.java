package dev.gyre.serving.deployment;

import java.time.Duration;

import dev.gyre.core.blob.Digests;
import dev.gyre.serving.ServingServiceTestBase;
import dev.gyre.test.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class DeploymentTests extends ServingServiceTestBase {

    @Autowired
    LoadedModels loaded;

    @Test
    void reloadsAStoredDeploymentMissingFromMemoryAsAfterARestart() {
        assertThat(deploy("penguins-restarted", "penguins", "champion").status()).isEqualTo(201);

        loaded.remove("penguins-restarted"); // what a restart leaves: the row, no loaded model

        await(Duration.ofSeconds(20), "the deployment is loaded again from the registry",
                () -> loaded.get("penguins-restarted").isPresent());
        Response read = http.get("/api/v1/deployments/penguins-restarted");
        assertThat(read.body().get("status").asString()).isEqualTo("READY");
        assertThat(read.body().get("version").asInt()).isEqualTo(1);
        assertThat(predict("penguins-restarted", "[" + ADELIE + "]").status()).isEqualTo(200);
    }

    @Test
    void answers503NamingTheRegistryWhenItIsUnreachableAndSavesNothing() {
        REGISTRY.stop();
        Response response;
        try {
            response = deploy("registry-down", "penguins", "champion");
        } finally {
            REGISTRY.start();
        }

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.code()).isEqualTo("registry-service-unavailable");
        assertThat(response.body().get("service").asString()).isEqualTo("registry-service");
        assertThat(response.body().get("detail").asString()).contains("registry-service");
        assertThat(http.get("/api/v1/deployments/registry-down").status()).isEqualTo(404);
    }

    @Test
    void deploysByAliasAndReportsTheLoadedVersionReady() {
        Response created = deploy("penguins-prod", "penguins", "champion");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("name").asString()).isEqualTo("penguins-prod");
        assertThat(created.body().get("model").asString()).isEqualTo("penguins");
        assertThat(created.body().get("alias").asString()).isEqualTo("champion");
        assertThat(created.body().get("version").asInt()).isEqualTo(1);
        assertThat(created.body().get("sha256").asString()).isEqualTo(Digests.sha256Hex(PENGUINS_V1));
        assertThat(created.body().get("status").asString()).isEqualTo("READY");
        assertThat(created.body().get("strategy").get("type").asString()).isEqualTo("single");
        assertThat(created.body().get("updatedAt").asString()).isNotBlank();

        Response read = http.get("/api/v1/deployments/penguins-prod");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("version").asInt()).isEqualTo(1);
        assertThat(read.body().get("status").asString()).isEqualTo("READY");

        Response list = http.get("/api/v1/deployments?size=500");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("items").valueStream().map(d -> d.get("name").asString()))
                .contains("penguins-prod");
    }

    @Test
    void changingADeploymentAnswers200AndRemembersThePreviousVersion() {
        assertThat(deploy("penguins-pinned", "penguins", "champion").status()).isEqualTo(201);

        Response changed = http.put("/api/v1/deployments/penguins-pinned", "{\"model\":\"penguins\",\"version\":2}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("version").asInt()).isEqualTo(2);
        assertThat(changed.body().get("alias").isNull()).isTrue();
        assertThat(changed.body().get("previousVersion").asInt()).isEqualTo(1);
        assertThat(changed.body().get("sha256").asString()).isEqualTo(Digests.sha256Hex(PENGUINS_V2));
    }

    @Test
    void refusesABundleWhoseBytesDoNotMatchTheRegistryDigestAndSavesNothing() {
        Response response = deploy("tampered-prod", "tampered", "champion");

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.code()).isEqualTo("bundle-digest-mismatch");
        assertThat(response.body().get("detail").asString()).contains("tampered").contains("sha256");
        assertThat(http.get("/api/v1/deployments/tampered-prod").status()).isEqualTo(404);
        assertThat(predict("tampered-prod", "[" + ADELIE + "]").status()).isEqualTo(404);
    }

    @Test
    void refusesABundleThatInflatesPastTheLimitWithoutInflatingItAndSavesNothing() {
        Response response = deploy("bomb-prod", "bomb", "champion");

        assertThat(response.status()).as(response.text()).isEqualTo(502);
        assertThat(response.code()).isEqualTo("invalid-bundle");
        assertThat(response.body().get("detail").asString()).contains("bomb").contains("inflates to more than");
        assertThat(http.get("/api/v1/deployments/bomb-prod").status()).isEqualTo(404);
    }

    @Test
    void namesAnUnknownAliasOrModel() {
        Response alias = deploy("nowhere", "penguins", "nope");
        assertThat(alias.status()).isEqualTo(404);
        assertThat(alias.code()).isEqualTo("not-found");
        assertThat(alias.body().get("field").asString()).isEqualTo("alias");
        assertThat(alias.body().get("detail").asString()).contains("'nope'").contains("registry-service");

        Response model = http.put("/api/v1/deployments/nowhere", "{\"model\":\"no-such-model\",\"version\":1}");
        assertThat(model.status()).isEqualTo(404);
        assertThat(model.body().get("detail").asString()).contains("no-such-model");
        assertThat(http.get("/api/v1/deployments/nowhere").status()).isEqualTo(404);
    }

    @Test
    void rejectsARequestWithBothOrNeitherAliasAndVersion() {
        Response both = http.put("/api/v1/deployments/both",
                "{\"model\":\"penguins\",\"alias\":\"champion\",\"version\":1}");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.code()).isEqualTo("invalid-target");

        Response neither = http.put("/api/v1/deployments/neither", "{\"model\":\"penguins\"}");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.code()).isEqualTo("invalid-target");

        Response badName = http.put("/api/v1/deployments/Bad_Name", "{\"model\":\"penguins\",\"version\":1}");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.body().get("field").asString()).isEqualTo("name");
    }

    @Test
    void rejectsStrategiesOtherThanSingleNamingTheType() {
        Response response = http.put("/api/v1/deployments/canary-one",
                "{\"model\":\"penguins\",\"alias\":\"champion\",\"strategy\":{\"type\":\"canary\","
                        + "\"candidate\":{\"version\":2},\"trafficPercent\":10}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("unsupported-strategy");
        assertThat(response.body().get("field").asString()).isEqualTo("strategy.type");
        assertThat(response.body().get("detail").asString()).contains("'canary'");
        assertThat(http.get("/api/v1/deployments/canary-one").status()).isEqualTo(404);
    }

    @Test
    void rejectsAnUnknownStrategyTypeNamingTheField() {
        Response response = http.put("/api/v1/deployments/unknown-strategy",
                "{\"model\":\"penguins\",\"alias\":\"champion\",\"strategy\":{\"type\":\"Blue-Green\"}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("unsupported-strategy");
        assertThat(response.body().get("field").asString()).isEqualTo("strategy.type");
        assertThat(response.body().get("detail").asString()).contains("'Blue-Green'");
        assertThat(http.get("/api/v1/deployments/unknown-strategy").status()).isEqualTo(404);
    }

    @Test
    void deletesADeploymentWhichThenNoLongerPredicts() {
        assertThat(deploy("short-lived", "penguins", "champion").status()).isEqualTo(201);

        assertThat(http.delete("/api/v1/deployments/short-lived").status()).isEqualTo(204);

        assertThat(http.get("/api/v1/deployments/short-lived").status()).isEqualTo(404);
        assertThat(predict("short-lived", "[" + ADELIE + "]").status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/deployments/short-lived").status()).isEqualTo(404);
    }
}
