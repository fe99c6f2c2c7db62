package dev.gyre.monitoring.monitor;

import dev.gyre.monitoring.MonitoringServiceTestBase;
import dev.gyre.test.HttpTestClient.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MonitorTests extends MonitoringServiceTestBase {

    @Test
    void createsAMonitorThenUpdatesIt() {
        Response created = monitor("mon-create", "\"window\":{\"size\":500,\"duration\":\"PT24H\"},"
                + "\"retrain\":{\"enabled\":true,\"minLabels\":100,\"cooldown\":\"P1D\"}");
        Response updated = monitor("mon-create", "\"thresholds\":{\"alpha\":0.01}");
        Response read = http.get("/api/v1/monitors/mon-create");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("window").get("size").asInt()).isEqualTo(500);
        assertThat(created.body().get("window").get("duration").asString()).isEqualTo("PT24H");
        assertThat(created.body().get("retrain").get("minLabels").asInt()).isEqualTo(100);
        assertThat(created.body().get("thresholds").get("alpha").asDouble()).isEqualTo(0.05);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("reference").get("dataset").asString()).isEqualTo("penguins");
        assertThat(read.body().get("reference").get("version").asInt()).isEqualTo(1);
        assertThat(read.body().get("thresholds").get("alpha").asDouble()).isEqualTo(0.01);
        assertThat(read.body().get("thresholds").get("datasetShare").asDouble()).isEqualTo(0.5);
        assertThat(read.body().get("window").get("size").asInt()).isEqualTo(10000);
        assertThat(read.body().get("retrain").isNull()).isTrue();
    }

    @Test
    void listsMonitors() {
        monitor("mon-list", "");

        Response list = http.get("/api/v1/monitors?size=200");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("items").valueStream().map(m -> m.get("deployment").asString()))
                .contains("mon-list");
    }

    @Test
    void rejectsAReferenceDataServiceDoesNotKnow() {
        Response response = http.put("/api/v1/monitors/mon-unknown",
                "{\"reference\":{\"dataset\":\"penguins\",\"version\":7}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("unknown-reference");
        assertThat(response.field()).isEqualTo("reference");
        assertThat(http.get("/api/v1/monitors/mon-unknown").status()).isEqualTo(404);
    }

    @Test
    void answers503NamingDataServiceWhenItCannotBeReached() {
        Response response = http.put("/api/v1/monitors/mon-down",
                "{\"reference\":{\"dataset\":\"unreachable\",\"version\":1}}");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.code()).isEqualTo("data-service-unavailable");
        assertThat(response.body().get("detail").asString()).contains("data-service");
    }

    @Test
    void answers502CarryingDataServicesDetailAndCodeWhenItFails() {
        Response response = http.put("/api/v1/monitors/mon-failing",
                "{\"reference\":{\"dataset\":\"failing\",\"version\":1}}");

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.code()).isEqualTo("data-service-error");
        assertThat(response.body().get("service").asString()).isEqualTo("data-service");
        assertThat(response.body().get("peerStatus").asInt()).isEqualTo(500);
        assertThat(response.body().get("peerCode").asString()).isEqualTo("internal-error");
        assertThat(response.body().get("detail").asString())
                .isEqualTo("data-service answered 500 for reference dataset 'failing' version 1: "
                        + "the disk under dataset failing is full");
        assertThat(http.get("/api/v1/monitors/mon-failing").status()).isEqualTo(404);
    }

    @Test
    void rejectsBadThresholdsWindowAndLabelNamingTheField() {
        Response alpha = monitor("mon-bad", "\"thresholds\":{\"alpha\":1.5}");
        Response duration = monitor("mon-bad", "\"window\":{\"duration\":\"a day\"}");
        Response size = monitor("mon-bad", "\"window\":{\"size\":0}");
        Response label = monitor("mon-bad", "\"label\":\"Colour\"");
        Response noReference = http.put("/api/v1/monitors/mon-bad", "{}");
        Response badName = monitor("Bad_Name", "");

        assertThat(alpha.status()).isEqualTo(400);
        assertThat(alpha.field()).isEqualTo("thresholds.alpha");
        assertThat(duration.field()).isEqualTo("window.duration");
        assertThat(size.field()).isEqualTo("window.size");
        assertThat(label.field()).isEqualTo("label");
        assertThat(noReference.field()).isEqualTo("reference");
        assertThat(badName.field()).isEqualTo("deployment");
        assertThat(http.get("/api/v1/monitors/mon-bad").status()).isEqualTo(404);
    }

    @Test
    void answers404ForAnUnknownMonitor() {
        Response response = http.get("/api/v1/monitors/nobody");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("not-found");
        assertThat(http.get("/api/v1/monitors/nobody/drift").status()).isEqualTo(404);
        assertThat(http.post("/api/v1/monitors/nobody/evaluate", "").status()).isEqualTo(404);
    }

    @Test
    void listsNoRetrainingsYet() {
        monitor("mon-retrain", "");

        Response response = http.get("/api/v1/monitors/mon-retrain/retrainings");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().isArray()).isTrue();
        assertThat(response.body().size()).isZero();
    }
}
