package dev.gyre.serving.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.gyre.serving.ServingServiceTestBase;
import dev.gyre.test.HttpTestClient.Response;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class PredictionTests extends ServingServiceTestBase {
    private static final String DEPLOYMENT = "penguins-predict";

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void deployed() {
        ensureDeployed(DEPLOYMENT);
    }

    @Test
    void predictsAKnownAdelieWithScoresPerClass() {
        Response response = predict(DEPLOYMENT, "[" + ADELIE + "]");

        assertThat(response.status()).isEqualTo(200);
        JsonNode prediction = response.body().get("predictions").get(0);
        assertThat(prediction.get("label").asString()).isEqualTo("Adelie");
        assertThat(UUID.fromString(prediction.get("id").asString())).isNotNull();
        JsonNode scores = prediction.get("scores");
        assertThat(scores.propertyNames()).containsExactly("Adelie", "Chinstrap", "Gentoo");
        assertThat(scores.get("Adelie").asDouble()).isGreaterThan(0.8);
        assertThat(scores.get("Adelie").asDouble() + scores.get("Chinstrap").asDouble()
                + scores.get("Gentoo").asDouble()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(prediction.has("value")).isFalse();
        assertThat(response.body().get("model").get("name").asString()).isEqualTo("penguins");
        assertThat(response.body().get("model").get("version").asInt()).isEqualTo(1);
        assertThat(meters.get("gyre.serving.predict").tag("deployment", DEPLOYMENT).timer().count()).isPositive();
        assertThat(meters.get("gyre.serving.predictions").tag("deployment", DEPLOYMENT).counter().count())
                .isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void givesEachPredictionOfABatchItsOwnIdInInstanceOrder() {
        String gentoo = """
                {"Island":"Biscoe","Beak Length (mm)":46.1,"Beak Depth (mm)":13.2,"Flipper Length (mm)":211,\
                "Body Mass (g)":4500,"Sex":"FEMALE"}""";
        Response response = predict(DEPLOYMENT, "[" + ADELIE + "," + gentoo + "]");

        assertThat(response.status()).isEqualTo(200);
        JsonNode predictions = response.body().get("predictions");
        assertThat(predictions.size()).isEqualTo(2);
        assertThat(predictions.get(0).get("label").asString()).isEqualTo("Adelie");
        assertThat(predictions.get(1).get("label").asString()).isEqualTo("Gentoo");
        assertThat(predictions.get(0).get("id").asString()).isNotEqualTo(predictions.get(1).get("id").asString());
    }

    @Test
    void rejectsInvalidInstancesNamingEveryError() {
        String unknownField = ADELIE.replace("\"Sex\":\"MALE\"", "\"Sex\":\"MALE\",\"Colour\":\"black\"");
        String stringMass = ADELIE.replace("\"Body Mass (g)\":3750", "\"Body Mass (g)\":\"heavy\"");
        String noIsland = ADELIE.replace("\"Island\":\"Torgersen\",", "");

        Response response = predict(DEPLOYMENT, "[" + unknownField + "," + stringMass + "," + noIsland + "]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid-instances");
        List<String> errors = new ArrayList<>();
        response.body().get("errors").forEach(e -> errors.add(e.get("instance").asInt() + "|"
                + e.get("field").asString() + "|" + e.get("message").asString()));
        assertThat(errors).containsExactly(
                "0|Colour|unknown field",
                "1|Body Mass (g)|expected a number, got a string",
                "2|Island|required field is missing");
        assertThat(response.body().get("detail").asString())
                .contains("instances[0].Colour", "instances[1].Body Mass (g)", "instances[2].Island");
    }

    @Test
    void refusesAnEmptyStringForAFieldNeverMissingInTrainingAsItRefusesNull() {
        String nullIsland = ADELIE.replace("\"Island\":\"Torgersen\"", "\"Island\":null");
        String emptyIsland = ADELIE.replace("\"Island\":\"Torgersen\"", "\"Island\":\"\"");
        String naIsland = ADELIE.replace("\"Island\":\"Torgersen\"", "\"Island\":\" NA \"");

        for (String instance : List.of(nullIsland, emptyIsland, naIsland)) {
            Response response = predict(DEPLOYMENT, "[" + instance + "]");
            assertThat(response.status()).as(instance).isEqualTo(400);
            assertThat(response.code()).isEqualTo("invalid-instances");
            JsonNode error = response.body().get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("Island");
            assertThat(error.get("message").asString()).startsWith("required field is null");
        }
    }

    @Test
    void imputesAFieldThatWasSometimesMissingInTraining() {
        String noSex = ADELIE.replace(",\"Sex\":\"MALE\"", "");

        Response response = predict(DEPLOYMENT, "[" + noSex + "]");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("predictions").get(0).get("label").asString()).isEqualTo("Adelie");
    }

    @Test
    void rejectsEmptyOrMissingInstances() {
        Response empty = predict(DEPLOYMENT, "[]");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo("missing-instances");
        assertThat(empty.body().get("field").asString()).isEqualTo("instances");

        Response missing = http.post("/api/v1/deployments/" + DEPLOYMENT + "/predict", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("missing-instances");

        Response notObjects = predict(DEPLOYMENT, "[1, 2]");
        assertThat(notObjects.status()).isEqualTo(400);
    }

    @Test
    void rejectsMoreInstancesThanTheConfiguredCap() {
        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(101, ADELIE)) + "]";

        Response response = predict(DEPLOYMENT, tooMany);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.code()).isEqualTo("too-many-instances");
        assertThat(response.body().get("detail").asString()).contains("101").contains("100");
    }

    @Test
    void answers404ForAnUnknownDeployment() {
        Response response = predict("no-such-deployment", "[" + ADELIE + "]");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().get("detail").asString()).contains("no-such-deployment");
    }
}
