package dev.gyre.monitoring.drift;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import dev.gyre.monitoring.MonitoringServiceTestBase;
import dev.gyre.test.HttpTestClient.Response;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class DriftEvaluationTests extends MonitoringServiceTestBase {
    private static final List<String> NUMERIC = List.of("Beak Length (mm)", "Beak Depth (mm)",
            "Flipper Length (mm)", "Body Mass (g)");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void findsNoDriftInPenguinsSampledFromTheReference() {
        assertThat(monitor("drift-none", "").status()).isEqualTo(201);
        List<Integer> rows = allRows();
        Collections.shuffle(rows, new Random(42));
        log(records("drift-none", "drift-none", rows.subList(0, 200), UnaryOperator.identity()));

        Response response = http.post("/api/v1/monitors/drift-none/evaluate", "");

        assertThat(response.status()).isEqualTo(200);
        JsonNode report = response.body();
        assertThat(report.get("features").valueStream().map(f -> f.get("name").asString()))
                .containsExactlyInAnyOrderElementsOf(FEATURES);
        for (String name : NUMERIC) {
            JsonNode feature = feature(report, name);
            assertThat(feature.get("test").asString()).isEqualTo("ks");
            assertThat(feature.get("pValue").asDouble()).as(name).isGreaterThan(0.05);
            assertThat(feature.get("drifted").asBoolean()).as(name).isFalse();
        }
        assertThat(feature(report, "Island").get("test").asString()).isEqualTo("chi2");
        assertThat(report.get("datasetDrift").asBoolean()).isFalse();
        assertThat(report.get("driftedShare").asDouble()).isZero();
        assertThat(report.get("window").get("rows").asInt()).isEqualTo(200);
        assertThat(report.get("reference").get("dataset").asString()).isEqualTo("penguins");
        assertThat(report.get("prediction").get("column").asString()).isEqualTo("Species");
        assertThat(report.get("prediction").get("test").asString()).isEqualTo("chi2");
        assertThat(report.get("prediction").get("drifted").asBoolean()).isFalse();
        assertThat(feature(report, "Body Mass (g)").get("referenceCount").asInt()).isEqualTo(342);
        assertThat(feature(report, "Body Mass (g)").get("currentCount").asInt())
                .isBetween(198, 200);
    }

    @Test
    void findsDriftInShiftedBodyMassAndIslandOnlyAndRaisesAnAlert() {
        assertThat(monitor("drift-shift", "\"thresholds\":{\"datasetShare\":0.3}").status()).isEqualTo(201);
        log(records("drift-shift", "drift-shift", allRows(), inputs -> {
            if (inputs.get("Body Mass (g)") instanceof Double mass) {
                inputs.put("Body Mass (g)", mass + 1500);
            }
            inputs.put("Island", "Biscoe");
            return inputs;
        }));

        Response response = http.post("/api/v1/monitors/drift-shift/evaluate", "");

        assertThat(response.status()).isEqualTo(200);
        JsonNode report = response.body();
        assertThat(report.get("features").size()).isEqualTo(6);
        JsonNode mass = feature(report, "Body Mass (g)");
        assertThat(mass.get("test").asString()).isEqualTo("ks");
        assertThat(mass.get("pValue").asDouble()).isLessThan(0.05);
        assertThat(mass.get("drifted").asBoolean()).isTrue();
        assertThat(mass.get("psi").asDouble()).isGreaterThan(0.2);
        JsonNode island = feature(report, "Island");
        assertThat(island.get("test").asString()).isEqualTo("chi2");
        assertThat(island.get("pValue").asDouble()).isLessThan(0.05);
        assertThat(island.get("drifted").asBoolean()).isTrue();
        for (String name : List.of("Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Sex")) {
            assertThat(feature(report, name).get("drifted").asBoolean()).as(name).isFalse();
        }
        assertThat(report.get("driftedShare").asDouble()).isEqualTo(2.0 / 6);
        assertThat(report.get("datasetDrift").asBoolean()).isTrue();

        Response alerts = http.get("/api/v1/alerts?size=200");
        List<JsonNode> raised = new ArrayList<>();
        alerts.body().get("items").forEach(a -> {
            if (a.get("deployment").asString().equals("drift-shift")) {
                raised.add(a);
            }
        });
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).get("type").asString()).isEqualTo("DATA_DRIFT");
        assertThat(raised.get(0).get("reportId").asString()).isEqualTo(report.get("id").asString());
        assertThat(raised.get(0).get("message").asString()).contains("Island", "Body Mass (g)");

        Response latest = http.get("/api/v1/monitors/drift-shift/drift");
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.body()).isEqualTo(report);
        assertThat(jdbc.sql("select jsonb_typeof(report -> 'features') from drift_report where deployment = ?")
                .param("drift-shift").query(String.class).single()).isEqualTo("array");
        assertThat(meters.get("gyre.monitoring.drift.features.drifted").tag("deployment", "drift-shift")
                .gauge().value()).isEqualTo(2.0);
        assertThat(meters.get("gyre.monitoring.drift.evaluations").tag("deployment", "drift-shift")
                .counter().count()).isEqualTo(1.0);
        assertThat(meters.get("gyre.monitoring.predictions.logged").tag("deployment", "drift-shift")
                .counter().count()).isEqualTo(344.0);
    }

    @Test
    void countsACategoryWithSurroundingSpacesAsTheSameCategoryAsServingDoes() {
        monitor("drift-spaces", "");
        log(records("drift-spaces", "drift-spaces", allRows(), inputs -> {
            if (inputs.get("Island") instanceof String island) {
                inputs.put("Island", " " + island + "  ");
            }
            return inputs;
        }));

        JsonNode report = http.post("/api/v1/monitors/drift-spaces/evaluate", "").body();

        JsonNode island = feature(report, "Island");
        assertThat(island.get("test").asString()).isEqualTo("chi2");
        assertThat(island.get("drifted").asBoolean()).isFalse();
        assertThat(island.get("pValue").asDouble()).isGreaterThan(0.99);
        assertThat(island.get("psi").asDouble()).isLessThan(0.01);
        assertThat(island.get("currentCount").asInt()).isEqualTo(island.get("referenceCount").asInt());
        assertThat(report.get("datasetDrift").asBoolean()).isFalse();
    }

    @Test
    void keepsDatasetDriftFalseBelowTheShareThreshold() {
        monitor("drift-share", "");
        log(records("drift-share", "drift-share", allRows(), inputs -> {
            inputs.put("Island", "Biscoe");
            return inputs;
        }));

        JsonNode report = http.post("/api/v1/monitors/drift-share/evaluate", "").body();

        assertThat(feature(report, "Island").get("drifted").asBoolean()).isTrue();
        assertThat(report.get("driftedShare").asDouble()).isEqualTo(1.0 / 6);
        assertThat(report.get("datasetDrift").asBoolean()).isFalse();
        assertThat(http.get("/api/v1/alerts?size=200").body().get("items").valueStream()
                .noneMatch(a -> a.get("deployment").asString().equals("drift-share"))).isTrue();
    }

    @Test
    void listsAFeatureAbsentFromEveryInputAsNotDriftedWithANote() {
        monitor("drift-absent", "");
        log(records("drift-absent", "drift-absent", allRows(), inputs -> {
            inputs.remove("Sex");
            return inputs;
        }));

        JsonNode report = http.post("/api/v1/monitors/drift-absent/evaluate", "").body();

        JsonNode sex = feature(report, "Sex");
        assertThat(sex.get("drifted").asBoolean()).isFalse();
        assertThat(sex.get("currentCount").asInt()).isZero();
        assertThat(sex.get("note").asString()).contains("absent from every logged input");
        assertThat(sex.get("pValue").isNull()).isTrue();
        assertThat(report.get("features").size()).isEqualTo(6);
    }

    @Test
    void answers409WhenNoPredictionsAreLogged() {
        monitor("drift-empty", "");

        Response response = http.post("/api/v1/monitors/drift-empty/evaluate", "");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("no-predictions");
        assertThat(http.get("/api/v1/monitors/drift-empty/drift").status()).isEqualTo(404);
    }

    @Test
    void reportsASinglePredictionWithNotesInsteadOfFailing() {
        monitor("drift-single", "");
        log(records("drift-single", "drift-single", List.of(0), UnaryOperator.identity()));

        Response response = http.post("/api/v1/monitors/drift-single/evaluate", "");

        assertThat(response.status()).isEqualTo(200);
        JsonNode mass = feature(response.body(), "Body Mass (g)");
        assertThat(mass.get("drifted").asBoolean()).isFalse();
        assertThat(mass.get("note").asString()).contains("at least 2 values");
        assertThat(feature(response.body(), "Island").get("note").isNull()).isTrue();
        assertThat(response.body().get("features").size()).isEqualTo(6);
    }

    @Test
    void looksOnlyAtTheWindowSize() {
        monitor("drift-window", "\"window\":{\"size\":50}");
        log(records("drift-window", "drift-window", allRows(), UnaryOperator.identity()));

        JsonNode report = http.post("/api/v1/monitors/drift-window/evaluate", "").body();

        assertThat(report.get("window").get("rows").asInt()).isEqualTo(50);
    }

    @Test
    void downloadsAReferenceVersionOnlyOnce() {
        monitor("drift-cache", "");
        log(records("drift-cache", "drift-cache", List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), UnaryOperator.identity()));
        http.post("/api/v1/monitors/drift-cache/evaluate", "");
        int before = DATA.contentReads("penguins", 1);

        Response again = http.post("/api/v1/monitors/drift-cache/evaluate", "");

        assertThat(again.status()).isEqualTo(200);
        assertThat(before).isGreaterThanOrEqualTo(1);
        assertThat(DATA.contentReads("penguins", 1)).isEqualTo(before);
    }
}
