package dev.gyre.monitoring.prediction;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.gyre.api.monitoring.PredictionRecord;
import dev.gyre.monitoring.MonitoringServiceTestBase;
import dev.gyre.test.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class PredictionLogTests extends MonitoringServiceTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void storesABatchOnceEvenWhenItIsSentAgain() {
        List<PredictionRecord> batch = records("log-retry", "log-retry", List.of(0, 1, 2, 3, 4),
                UnaryOperator.identity());

        Response first = log(batch);
        Response again = log(batch);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("received").asInt()).isEqualTo(5);
        assertThat(first.body().get("stored").asInt()).isEqualTo(5);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("received").asInt()).isEqualTo(5);
        assertThat(again.body().get("stored").asInt()).isZero();
        assertThat(jdbc.sql("select count(*) from prediction_log where deployment = 'log-retry'")
                .query(Long.class).single()).isEqualTo(5L);
        String inputs = jdbc.sql("select inputs ->> 'Island' from prediction_log where id = 'log-retry-0'")
                .query(String.class).single();
        assertThat(inputs).isEqualTo("Torgersen");
        Double mass = jdbc.sql("select (inputs ->> 'Body Mass (g)')::float8 from prediction_log where id = 'log-retry-0'")
                .query(Double.class).single();
        assertThat(mass).isEqualTo(3750.0);
    }

    @Test
    void storesSeveralHundredRecordsInOneBatch() {
        Response response = log(records("log-bulk", "log-bulk", allRows(), UnaryOperator.identity()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("stored").asInt()).isEqualTo(344);
    }

    @Test
    void rejectsARecordWithoutIdNamingItsIndexAndStoresNothingOfTheBatch() {
        List<PredictionRecord> good = records("log-bad-id", "log-bad-id", List.of(0, 1), UnaryOperator.identity());
        PredictionRecord noId = new PredictionRecord(null, "log-bad-id", "penguins", 1, null, Map.of("Island", "Dream"),
                "Adelie", null, null);

        Response response = log(List.of(good.get(0), good.get(1), noId));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid-prediction");
        assertThat(response.field()).isEqualTo("predictions[2].id");
        assertThat(response.body().get("index").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from prediction_log where deployment = 'log-bad-id'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void rejectsARecordWithoutDeploymentNamingItsIndex() {
        PredictionRecord noDeployment = new PredictionRecord("log-no-dep-0", null, "penguins", 1, null, Map.of(),
                "Adelie", null, null);

        Response response = log(List.of(noDeployment));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.field()).isEqualTo("predictions[0].deployment");
    }

    @Test
    void rejectsABatchWithoutPredictions() {
        Response response = http.post("/api/v1/predictions", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.field()).isEqualTo("predictions");
    }

    @Test
    void matchesFeedbackToLoggedPredictionsAndNamesTheUnknownOnes() {
        log(records("feedback", "feedback", List.of(0, 1, 2), UnaryOperator.identity()));

        Response response = http.post("/api/v1/feedback", """
                {"items":[{"predictionId":"feedback-0","actual":"Adelie"},
                          {"predictionId":"feedback-1","actual":"Gentoo"},
                          {"predictionId":"never-logged","actual":"Adelie"}]}""");
        Response corrected = http.post("/api/v1/feedback", """
                {"items":[{"predictionId":"feedback-1","actual":"Chinstrap"}]}""");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("received").asInt()).isEqualTo(3);
        assertThat(response.body().get("matched").asInt()).isEqualTo(2);
        assertThat(response.body().get("unknown").valueStream().map(n -> n.asString()).toList())
                .containsExactly("never-logged");
        assertThat(corrected.body().get("matched").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select actual from feedback where prediction_id = 'feedback-1'")
                .query(String.class).single()).isEqualTo("Chinstrap");
        assertThat(jdbc.sql("select count(*) from feedback where prediction_id = 'never-logged'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void rejectsFeedbackWithoutActualNamingTheItem() {
        Response response = http.post("/api/v1/feedback", """
                {"items":[{"predictionId":"a","actual":"Adelie"},{"predictionId":"b"}]}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid-feedback");
        assertThat(response.field()).isEqualTo("items[1].actual");
    }
}
