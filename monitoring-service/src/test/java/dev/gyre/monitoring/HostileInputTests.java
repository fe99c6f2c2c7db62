package dev.gyre.monitoring;

import java.util.List;

import dev.gyre.test.HttpTestClient.Response;
import dev.gyre.test.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.gyre.test.ProblemAssertions.clientProblem;
import static dev.gyre.test.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** Hostile input to monitoring-service (issue 14): every answer a 4xx problem, nothing stored. */
class HostileInputTests extends MonitoringServiceTestBase {
    private RawHttp raw;

    @LocalServerPort
    void raw(int port) {
        raw = new RawHttp(port);
    }

    @Test
    void aPagePastTheLastReachableItemIsAnInvalidPage() {
        problem(http.get("/api/v1/monitors?page=2147483647&size=500"), 400, "invalid-page", "page");
        problem(http.get("/api/v1/alerts?page=2147483647&size=500"), 400, "invalid-page", "page");
        problem(http.get("/api/v1/alerts?page=4294968&size=500"), 400, "invalid-page", "page");
    }

    @Test
    void everyMonitorEndpointAnswers404ForAnUnknownMonitor() {
        problem(http.get("/api/v1/monitors/hostile-nobody/performance"), 404, "not-found");
        problem(http.get("/api/v1/monitors/hostile-nobody"), 404, "not-found");
        problem(http.get("/api/v1/monitors/hostile-nobody/drift"), 404, "not-found");
        problem(http.get("/api/v1/monitors/hostile-nobody/retrainings"), 404, "not-found");
        problem(http.post("/api/v1/monitors/hostile-nobody/evaluate"), 404, "not-found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%2Fb", "a%00b", "%FF%FE", "a%5Cb", "a%2fb", "%2e%2e%2F"})
    void aMalformedPathSegmentIsAProblemNotTomcatsHtmlPage(String segment) {
        for (String path : List.of("/api/v1/monitors/" + segment, "/api/v1/monitors/" + segment + "/performance")) {
            RawHttp.Answer answer = raw.send("GET", path);
            clientProblem(answer);
            assertThat(answer.json().path("status").asInt()).isEqualTo(answer.status());
            assertThat(answer.json().path("type").asString()).startsWith("https://gyre.dev/problems/");
        }
    }

    @Test
    void anErrorDispatchedToTheErrorPageIsAProblem() {
        RawHttp.Answer answer = raw.send("GET", "/error");
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        assertThat(answer.json().path("code").asString()).isNotEmpty();
    }

    @Test
    void aMethodTomcatRefusesIsAProblem() {
        RawHttp.Answer answer = raw.send("TRACE", "/api/v1/monitors");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(405);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
    }

    @Test
    void aFractionWhereAnIntegerIsExpectedIsRefused() {
        problem(http.put("/api/v1/monitors/hostile-float", "{\"reference\":{\"dataset\":\"penguins\",\"version\":1.9}}"),
                400, "malformed-request", "reference.version");
        problem(monitor("hostile-float", "\"window\":{\"size\":2.5}"), 400, "malformed-request", "window.size");
        problem(http.put("/api/v1/monitors/hostile-float", "{\"reference\":{\"dataset\":\"penguins\",\"version\":1.0}}"),
                400, "malformed-request", "reference.version");
        Response overflow = http.put("/api/v1/monitors/hostile-float",
                "{\"reference\":{\"dataset\":\"penguins\",\"version\":99999999999}}");
        problem(overflow, 400, "malformed-request", "reference.version");
        assertThat(overflow.body().path("detail").asString()).contains("out of range");
        problem(http.get("/api/v1/monitors/hostile-float"), 404, "not-found");
    }

    @Test
    void nonFiniteNumbersAreRefusedWhereverTheyAreRead() {
        problem(monitor("hostile-inf", "\"thresholds\":{\"psi\":\"Infinity\"}"), 400, "malformed-request",
                "thresholds.psi");
        problem(monitor("hostile-inf", "\"thresholds\":{\"alpha\":\"NaN\"}"), 400, "malformed-request",
                "thresholds.alpha");
        problem(monitor("hostile-inf", "\"thresholds\":{\"datasetShare\":1e999}"), 400, "malformed-request",
                "thresholds.datasetShare");
        problem(monitor("hostile-inf", "\"retrain\":{\"minLabels\":[1,-1e400]}"), 400, "malformed-request",
                "retrain.minLabels");
        problem(http.get("/api/v1/monitors/hostile-inf"), 404, "not-found");

        log(records("hostile-inf", "hostile-inf", List.of(0), inputs -> inputs));
        Response infinite = http.post("/api/v1/feedback", "{\"items\":[{\"predictionId\":\"hostile-inf-0\",\"actual\":1e999}]}");
        problem(infinite, 400, "malformed-request", "items[0].actual");
        assertThat(infinite.body().path("detail").asString()).contains("finite");
        problem(http.post("/api/v1/predictions", """
                {"predictions":[{"id":"hostile-inf-1","deployment":"hostile-inf","version":1,
                "inputs":{"Body Mass (g)":1e999},"label":"Adelie"}]}"""), 400, "malformed-request",
                "predictions[0].inputs.Body Mass (g)");
        problem(http.post("/api/v1/predictions", """
                {"predictions":[{"id":"hostile-inf-2","deployment":"hostile-inf","version":1,
                "inputs":{},"value":"-Infinity"}]}"""), 400, "malformed-request", "predictions[0].value");
    }

    @Test
    void nulInAnyStringIsRefusedAtBindingNamingTheField() {
        problem(monitor("hostile-nul", "\"label\":\"Spe\\u0000cies\""), 400, "malformed-request", "label");
        problem(monitor("hostile-nul", "\"retrain\":{\"note\":[\"a\\u0000\"]}"), 400, "malformed-request",
                "retrain.note");
        problem(http.post("/api/v1/predictions", """
                {"predictions":[{"id":"hostile-nul-0","deployment":"hostile-nul","version":1,
                "inputs":{"Isl\\u0000and":"Biscoe"}}]}"""), 400, "malformed-request", "predictions[0].inputs");
        problem(http.post("/api/v1/predictions", """
                {"predictions":[{"id":"hostile-nul-1","deployment":"hostile-nul","version":1,
                "inputs":{},"label":"Ade\\u0000lie"}]}"""), 400, "malformed-request", "predictions[0].label");
        problem(http.post("/api/v1/feedback", "{\"items\":[{\"predictionId\":\"x\\u0000\",\"actual\":\"a\"}]}"),
                400, "malformed-request", "items[0].predictionId");
        Response surrogate = monitor("hostile-nul", "\"retrain\":{\"note\":\"half \\uD800 a pair\"}");
        problem(surrogate, 400, "malformed-request", "retrain.note");
        assertThat(surrogate.body().path("detail").asString()).contains("unpaired surrogate");
        problem(monitor("hostile-nul", "\"label\":\"\\uDC00\""), 400, "malformed-request", "label");
        assertThat(monitor("hostile-nul", "\"retrain\":{\"note\":\"a pair \\uD83D\\uDE00 is fine\"}").status())
                .isEqualTo(201);
    }

    @Test
    void anInstantOutsidePostgresqlsRangeIsRefusedNotAConflict() {
        for (String ts : List.of("+999999999-12-31T23:59:59Z", "+294277-01-01T00:00:00Z", "-5000-01-01T00:00:00Z")) {
            problem(http.post("/api/v1/predictions", """
                    {"predictions":[{"id":"hostile-ts","deployment":"hostile-ts","version":1,
                    "timestamp":"%s","inputs":{}}]}""".formatted(ts)), 400, "malformed-request",
                    "predictions[0].timestamp");
        }
        Response inRange = http.post("/api/v1/predictions", """
                {"predictions":[{"id":"hostile-ts","deployment":"hostile-ts","version":1,
                "timestamp":"9999-12-31T23:59:59Z","inputs":{}}]}""");
        assertThat(inRange.status()).as(inRange.text()).isEqualTo(200);
    }

    @Test
    void aWindowDurationLongerThanTenYearsIsRefused() {
        for (String duration : List.of("PT87600000H", "P3651D", "PT" + "9".repeat(18) + "S",
                "PT" + "0".repeat(100) + "1H")) {
            problem(monitor("hostile-window", "\"window\":{\"duration\":\"" + duration + "\"}"), 400,
                    "invalid-field", "window.duration");
        }
        assertThat(monitor("hostile-window", "\"window\":{\"duration\":\"P3650D\"}").status()).isEqualTo(201);
    }

    @Test
    void aValueTheDatabaseCannotStoreIsA400NotAConflict() {
        // model is a varchar(63) that no check guards: the database refuses it, and that is bad input
        Response tooLong = http.post("/api/v1/predictions", """
                {"predictions":[{"id":"hostile-db-0","deployment":"hostile-db","model":"%s","version":1,
                "inputs":{}}]}""".formatted("m".repeat(300)));
        problem(tooLong, 400, "invalid-data");
        assertThat(tooLong.body().path("sqlState").asString()).isEqualTo("22001");
    }
}
