package dev.gyre.monitoring;

import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dev.gyre.test.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A monitor's thresholds and a stored drift report keep their own shape: a change to the wire's ThresholdsSpec or
 * DriftReportResponse does not reach the jsonb columns, and rows written in the stored shape still read.
 */
class StoredShapeTests extends MonitoringServiceTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void storesThresholdsWithDefaultsInTheirOwnShape() {
        assertThat(monitor("stored-thresholds", "\"thresholds\":{\"alpha\":0.01}").status()).isEqualTo(201);

        String stored = jdbc.queryForObject("select thresholds::text from monitor where deployment = ?", String.class,
                "stored-thresholds");
        assertThat(JSON.readTree(stored)).isEqualTo(JSON.readTree("{\"alpha\": 0.01, \"psi\": 0.2, \"datasetShare\": 0.5}"));
    }

    @Test
    void readsAMonitorWrittenInTheStoredShape() {
        jdbc.update("insert into monitor (deployment, reference_dataset, reference_version, label, window_size,"
                + " thresholds, created_at, updated_at) values ('hand-monitor', 'penguins', 1, 'Species', 50,"
                + " cast(? as jsonb), now(), now())", "{\"alpha\": 0.02, \"psi\": 0.3, \"datasetShare\": 0.4}");

        Response read = http.get("/api/v1/monitors/hand-monitor");
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        JsonNode thresholds = read.body().get("thresholds");
        assertThat(thresholds.get("alpha").asDouble()).isEqualTo(0.02);
        assertThat(thresholds.get("psi").asDouble()).isEqualTo(0.3);
        assertThat(thresholds.get("datasetShare").asDouble()).isEqualTo(0.4);
        assertThat(read.body().get("window").get("size").asInt()).isEqualTo(50);
    }

    @Test
    void storesADriftReportInItsOwnShape() {
        assertThat(monitor("stored-report", "").status()).isEqualTo(201);
        log(records("stored-report", "stored-report", List.of(0, 1, 2), UnaryOperator.identity()));
        assertThat(http.post("/api/v1/monitors/stored-report/evaluate", "").status()).isEqualTo(200);

        JsonNode stored = JSON.readTree(jdbc.queryForObject("select report::text from drift_report where deployment = ?",
                String.class, "stored-report"));
        assertThat(stored.propertyNames()).containsExactlyInAnyOrder("id", "deployment", "features", "datasetDrift",
                "driftedShare", "prediction", "window", "reference", "evaluatedAt");
        assertThat(stored.get("features").get(0).propertyNames()).containsExactlyInAnyOrder("name", "type", "test",
                "statistic", "pValue", "psi", "drifted", "referenceCount", "currentCount", "note");
        assertThat(stored.get("prediction").propertyNames()).containsExactlyInAnyOrder("column", "test", "statistic",
                "pValue", "psi", "drifted", "referenceCount", "currentCount", "note");
        assertThat(stored.get("window").propertyNames()).containsExactlyInAnyOrder("from", "to", "rows");
        assertThat(stored.get("reference").propertyNames()).containsExactlyInAnyOrder("dataset", "version");
    }

    @Test
    void readsADriftReportWrittenInTheStoredShape() {
        assertThat(monitor("hand-report", "").status()).isEqualTo(201);
        UUID id = UUID.randomUUID();
        jdbc.update("insert into drift_report (id, deployment, dataset_drift, report, evaluated_at)"
                + " values (?, 'hand-report', true, cast(? as jsonb), now())", id, """
                {"id": "%s", "deployment": "hand-report", "datasetDrift": true, "driftedShare": 0.75,
                 "features": [{"name": "Body Mass (g)", "type": "numeric", "test": "ks", "statistic": 0.4,
                               "pValue": 0.001, "psi": 0.9, "drifted": true, "referenceCount": 342,
                               "currentCount": 100, "note": null}],
                 "prediction": {"column": "Species", "test": "chi2", "statistic": 1.5, "pValue": 0.5, "psi": 0.01,
                                "drifted": false, "referenceCount": 342, "currentCount": 100, "note": null},
                 "window": {"from": "2026-01-01T00:00:00Z", "to": "2026-01-02T00:00:00Z", "rows": 100},
                 "reference": {"dataset": "penguins", "version": 1}, "evaluatedAt": "2026-01-02T00:00:01Z"}"""
                .formatted(id));

        Response read = http.get("/api/v1/monitors/hand-report/drift");
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        JsonNode report = read.body();
        assertThat(report.get("id").asString()).isEqualTo(id.toString());
        assertThat(report.get("driftedShare").asDouble()).isEqualTo(0.75);
        assertThat(feature(report, "Body Mass (g)").get("pValue").asDouble()).isEqualTo(0.001);
        assertThat(report.get("prediction").get("column").asString()).isEqualTo("Species");
        assertThat(report.get("window").get("rows").asInt()).isEqualTo(100);
        assertThat(report.get("window").get("from").asString()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(report.get("reference").get("version").asInt()).isEqualTo(1);
        assertThat(report.get("evaluatedAt").asString()).isEqualTo("2026-01-02T00:00:01Z");
    }
}
