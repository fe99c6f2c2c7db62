package dev.gyre.serving.deployment;

import java.time.Duration;

import dev.gyre.serving.ServingServiceTestBase;
import dev.gyre.test.HttpTestClient.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AliasFollowingTests extends ServingServiceTestBase {

    @Test
    void followsItsAliasWhenTheRegistryMovesIt() {
        assertThat(deploy("follower-prod", "follower", "champion").body().get("version").asInt()).isEqualTo(1);
        assertThat(predict("follower-prod", "[" + ADELIE + "]").body().get("model").get("version").asInt())
                .isEqualTo(1);

        REGISTRY.alias("follower", "champion", 2);

        await(Duration.ofSeconds(20), "the deployment serves version 2",
                () -> http.get("/api/v1/deployments/follower-prod").body().get("version").asInt() == 2);
        Response deployment = http.get("/api/v1/deployments/follower-prod");
        assertThat(deployment.body().get("previousVersion").asInt()).isEqualTo(1);
        assertThat(deployment.body().get("status").asString()).isEqualTo("READY");
        Response prediction = predict("follower-prod", "[" + ADELIE + "]");
        assertThat(prediction.status()).isEqualTo(200);
        assertThat(prediction.body().get("model").get("name").asString()).isEqualTo("follower");
        assertThat(prediction.body().get("model").get("version").asInt()).isEqualTo(2);
        assertThat(prediction.body().get("predictions").get(0).get("label").asString()).isEqualTo("Adelie");
    }

    @Test
    void keepsServingTheVerifiedVersionWhenTheAliasMovesToABundleWithTrailingBytes() throws InterruptedException {
        assertThat(deploy("padded-prod", "padded", "champion").body().get("version").asInt()).isEqualTo(1);

        REGISTRY.alias("padded", "champion", 2);
        Thread.sleep(2_000); // several refresh rounds (300 ms each) try version 2 and refuse it

        Response deployment = http.get("/api/v1/deployments/padded-prod");
        assertThat(deployment.body().get("version").asInt()).isEqualTo(1);
        Response prediction = predict("padded-prod", "[" + ADELIE + "]");
        assertThat(prediction.status()).isEqualTo(200);
        assertThat(prediction.body().get("model").get("version").asInt()).isEqualTo(1);
        // deploying it directly is refused as a bad bundle from the registry, not served
        var direct = http.put("/api/v1/deployments/padded-direct", "{\"model\":\"padded\",\"version\":2}");
        assertThat(direct.status()).as(direct.text()).isEqualTo(502);
        assertThat(direct.body().get("code").asString()).isEqualTo("invalid-bundle");
        assertThat(http.get("/api/v1/deployments/padded-direct").status()).isEqualTo(404);
    }
}
