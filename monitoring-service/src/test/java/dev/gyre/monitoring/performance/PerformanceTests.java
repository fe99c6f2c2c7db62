package dev.gyre.monitoring.performance;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.gyre.api.monitoring.PredictionRecord;
import dev.gyre.monitoring.MonitoringServiceTestBase;
import dev.gyre.test.HttpTestClient.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PerformanceTests extends MonitoringServiceTestBase {

    @Test
    void computesAccuracyOverPredictionsWithFeedback() {
        assertThat(monitor("perf-class", "").status()).isEqualTo(201);
        // rows 0..5 are Adelie penguins: the logged label is Adelie for each
        log(records("perf-class", "perf-class", List.of(0, 1, 2, 3, 4, 5), UnaryOperator.identity()));
        http.post("/api/v1/feedback", """
                {"items":[{"predictionId":"perf-class-0","actual":"Adelie"},
                          {"predictionId":"perf-class-1","actual":"Adelie"},
                          {"predictionId":"perf-class-2","actual":"Gentoo"},
                          {"predictionId":"perf-class-3","actual":"Adelie"},
                          {"predictionId":"perf-class-4","actual":"Chinstrap"}]}""");

        Response response = http.get("/api/v1/monitors/perf-class/performance");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("labelled").asInt()).isEqualTo(5);
        assertThat(response.body().get("classification").get("count").asInt()).isEqualTo(5);
        assertThat(response.body().get("classification").get("accuracy").asDouble()).isEqualTo(3.0 / 5);
        assertThat(response.body().get("regression").isNull()).isTrue();
    }

    @Test
    void computesRmseAndMaeOverRegressionFeedback() {
        assertThat(monitor("perf-reg", "").status()).isEqualTo(201);
        List<PredictionRecord> records = List.of(
                new PredictionRecord("perf-reg-0", "perf-reg", "mass", 1, null, Map.of("x", 1), null, 10.0, null),
                new PredictionRecord("perf-reg-1", "perf-reg", "mass", 1, null, Map.of("x", 2), null, 20.0, null),
                new PredictionRecord("perf-reg-2", "perf-reg", "mass", 1, null, Map.of("x", 3), null, 30.0, null));
        log(records);
        http.post("/api/v1/feedback", """
                {"items":[{"predictionId":"perf-reg-0","actual":13},
                          {"predictionId":"perf-reg-1","actual":"16"},
                          {"predictionId":"perf-reg-2","actual":30}]}""");

        Response response = http.get("/api/v1/monitors/perf-reg/performance");

        // errors 3, -4, 0: mae 7/3, rmse sqrt(25/3)
        assertThat(response.body().get("regression").get("count").asInt()).isEqualTo(3);
        assertThat(response.body().get("regression").get("mae").asDouble()).isCloseTo(7.0 / 3, within(1e-9));
        assertThat(response.body().get("regression").get("rmse").asDouble())
                .isCloseTo(Math.sqrt(25.0 / 3), within(1e-9));
        assertThat(response.body().get("classification").isNull()).isTrue();
    }
}
