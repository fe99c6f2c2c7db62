package dev.gyre.serving.logging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.gyre.serving.ServingServiceTestBase;
import dev.gyre.test.HttpTestClient.Response;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class PredictionLoggingTests extends ServingServiceTestBase {
    private static final String DEPLOYMENT = "penguins-logged";

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void deployed() {
        ensureDeployed(DEPLOYMENT);
    }

    @Test
    void sendsPredictionsToMonitoringInBatchesWithTheirInputs() {
        double sentBefore = meters.get("gyre.serving.prediction.log.sent").counter().count();
        String noSex = ADELIE.replace(",\"Sex\":\"MALE\"", "");
        Response response = predict(DEPLOYMENT, "[" + ADELIE + "," + noSex + "]");
        assertThat(response.status()).isEqualTo(200);
        String first = response.body().get("predictions").get(0).get("id").asString();
        String second = response.body().get("predictions").get(1).get("id").asString();

        // a batch can reach the stub on an attempt that timed out (after the slow test): wait for an acknowledged one too
        await(Duration.ofSeconds(30), "both predictions reach monitoring-service and a batch is acknowledged",
                () -> logged(first) != null && logged(second) != null
                        && meters.get("gyre.serving.prediction.log.sent").counter().count() > sentBefore);

        JsonNode record = logged(first);
        assertThat(record.get("deployment").asString()).isEqualTo(DEPLOYMENT);
        assertThat(record.get("model").asString()).isEqualTo("penguins");
        assertThat(record.get("version").asInt()).isEqualTo(1);
        assertThat(record.get("label").asString()).isEqualTo("Adelie");
        assertThat(record.get("scores").get("Adelie").asDouble()).isGreaterThan(0.8);
        assertThat(record.get("timestamp").asString()).isNotBlank();
        assertThat(record.get("inputs").get("Island").asString()).isEqualTo("Torgersen");
        assertThat(record.get("inputs").get("Body Mass (g)").asInt()).isEqualTo(3750);
        assertThat(record.get("inputs").get("Sex").asString()).isEqualTo("MALE");
        assertThat(logged(second).get("inputs").has("Sex")).as("inputs as sent, not imputed").isFalse();
        assertThat(meters.get("gyre.serving.prediction.log.queue").gauge().value()).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void predictsFastWhileMonitoringAnswersAfterFiveSeconds() {
        MONITORING.delayMillis(5_000);
        try {
            predictFiftyTimesFast();
        } finally {
            MONITORING.delayMillis(0);
        }
    }

    @Test
    void predictsFastWhileMonitoringIsNotListeningAndCountsWhatItDrops() {
        double droppedBefore = dropped();
        MONITORING.stop();
        try {
            predictFiftyTimesFast();
            await(Duration.ofSeconds(30), "records are dropped after the retries", () -> dropped() > droppedBefore);
        } finally {
            MONITORING.start();
        }
    }

    private void predictFiftyTimesFast() {
        predict(DEPLOYMENT, "[" + ADELIE + "]"); // warm up
        for (int i = 0; i < 50; i++) {
            Response response = predict(DEPLOYMENT, "[" + ADELIE + "]");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.millis()).as("prediction %d took %d ms", i, response.millis()).isLessThan(500);
        }
    }

    private double dropped() {
        return meters.find("gyre.serving.prediction.log.dropped").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private static JsonNode logged(String id) {
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode batch : MONITORING.batches()) {
            batch.get("predictions").forEach(p -> byId.put(p.get("id").asString(), p));
        }
        return byId.get(id);
    }
}
