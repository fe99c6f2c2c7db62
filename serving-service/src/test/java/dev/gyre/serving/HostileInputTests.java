package dev.gyre.serving;

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

/** Hostile input to serving-service (issue 14, the shared items): every answer a 4xx problem. */
class HostileInputTests extends ServingServiceTestBase {
    private RawHttp raw;

    @LocalServerPort
    void raw(int port) {
        raw = new RawHttp(port);
    }

    @Test
    void aPagePastTheLastReachableItemIsAnInvalidPage() {
        problem(http.get("/api/v1/deployments?page=2147483647&size=500"), 400, "invalid-page", "page");
        problem(http.get("/api/v1/deployments?page=2147483647&size=2"), 400, "invalid-page", "page");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%2Fb", "a%00b", "%FF%FE", "a%5Cb"})
    void aMalformedPathSegmentIsAProblemNotTomcatsHtmlPage(String segment) {
        for (String path : List.of("/api/v1/deployments/" + segment, "/api/v1/deployments/" + segment + "/predict")) {
            RawHttp.Answer answer = raw.send(path.endsWith("predict") ? "POST" : "GET", path);
            clientProblem(answer);
        }
    }

    @Test
    void aFractionalPinnedVersionOrTrafficShareIsRefused() {
        problem(http.put("/api/v1/deployments/hostile-float", "{\"model\":\"penguins\",\"version\":1.9}"), 400,
                "malformed-request", "version");
        problem(http.put("/api/v1/deployments/hostile-float", """
                {"model":"penguins","alias":"champion","strategy":{"type":"canary",
                 "candidate":{"version":2},"trafficPercent":12.5}}"""), 400, "malformed-request",
                "strategy.trafficPercent");
        problem(http.get("/api/v1/deployments/hostile-float"), 404, "not-found");
    }

    @Test
    void aNonFiniteOrNulInstanceValueIsRefusedNamingTheField() {
        ensureDeployed("hostile-predict");
        Response infinite = predict("hostile-predict", """
                [{"Island":"Torgersen","Beak Length (mm)":1e999,"Beak Depth (mm)":18.7,
                  "Flipper Length (mm)":181,"Body Mass (g)":3750,"Sex":"MALE"}]""");
        problem(infinite, 400, "malformed-request", "instances[0].Beak Length (mm)");
        Response nul = predict("hostile-predict", """
                [{"Island":"Torger\\u0000sen","Beak Length (mm)":39.1,"Beak Depth (mm)":18.7,
                  "Flipper Length (mm)":181,"Body Mass (g)":3750,"Sex":"MALE"}]""");
        problem(nul, 400, "malformed-request", "instances[0].Island");
        assertThat(predict("hostile-predict", "[" + ADELIE + "]").status()).isEqualTo(200);
    }
}
