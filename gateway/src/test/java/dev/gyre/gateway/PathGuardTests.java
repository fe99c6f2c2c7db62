package dev.gyre.gateway;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import dev.gyre.test.HttpTestClient.Response;

import static dev.gyre.test.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 1 (and the gateway's side of item 9): the key is checked on the path routing uses, every path is
 * denied without a key unless it is public, and paths whose meaning depends on who decodes them are refused with
 * 400 before authentication and routing. No such request may reach a service.
 */
class PathGuardTests extends StubbedGatewayTest {

    /** Each spelling of the issue, and more: refused as a path before anything else, key or no key. */
    @ParameterizedTest
    @ValueSource(strings = {
            "/api;x=1/v1/datasets", "/api;/v1/training-jobs", "/api/v1;/models", "/api/v1/datasets;jsessionid=1",
            "/api%3B/v1/datasets", "/api/v1/datasets%3bx=1",
            "/%2561pi/v1/datasets", "/api/v1/%2564atasets", "/%25%36%31pi/v1/models",
            "/api/./v1/datasets", "/api/v1/../v1/datasets", "/api/v1/datasets/..", "/./api/v1/datasets",
            "/api/%2e%2e/api/v1/datasets", "/api/v1/%2E%2E/v1/models", "/api/%2e/v1/datasets", "/api/v1/datasets/...",
            "/api//v1/datasets", "//api/v1/datasets", "///api/v1/datasets",
            "/api%2Fv1/datasets", "/api%2fv1%2fdatasets", "/api/v1/datasets%2F..%2F..%2Fmodels",
            "/api/v1/datasets/%00", "/api/v1/datasets%00", "/api/v1/datasets/a%00b", "/api/v1/datasets%09",
            "/api/v1/datasets/%FF%FE", "/api/v1/datasets/%C0%AE%C0%AE", "/api/v1/datasets/%e9",
            "/api%5Cv1/datasets", "/api/v1/datasets/%5C..%5C", "/api/v1/datasets/%zz", "/api/v1/datasets/%4",
            "/actuator/health/../../api/v1/datasets", "/actuator/health/%2e%2e/%2e%2e/api/v1/datasets",
            "/actuator/health;/../../api/v1/datasets", "/swagger-ui/..;/api/v1/datasets",
            "/v3/api-docs/data-service/../../../api/v1/datasets", "/v3/api-docs/data-service%2F..%2F..%2Fapi"})
    void refusesAnAmbiguousPathWithoutReachingAService(String path) {
        for (Map<String, String> key : List.of(NO_KEY, WITH_KEY)) {
            for (String method : List.of("GET", "POST")) {
                Response response = raw.send(method, path, key);
                JsonNode problem = problem(response, 400, "invalid-path", "path");
                assertThat(problem.path("detail").asString()).startsWith("The request path is refused");
            }
        }
        assertNoServiceWasCalled(path);
    }

    /** Spellings that route somewhere once decoded: without a key they are refused 401, as /api/... is. */
    @ParameterizedTest
    @ValueSource(strings = {
            "/%61pi/v1/datasets", "/%61pi/v1/models", "/%61pi/v1/deployments/penguins/predict", "/%61pi/v1/datasets",
            "/%61%70%69/%76%31/training-jobs", "/ap%69/v1/monitors", "/api/v1/%64atasets/penguins",
            "/API/v1/datasets", "/Api/V1/models", "/api./v1/datasets", "/api/v1/datasets.", "/api/v1./models",
            "/api/v1/datasets/", "/api/v1/datasets?x=/../../actuator/health", "/api/v1/datasets#/actuator/health",
            "/api/v1/datasets/%EF%BC%8E%EF%BC%8E", "/", "/actuator/prometheus", "/actuator/metrics", "/actuator/env",
            "/actuator/gateway/routes", "/nope", "/Actuator/health", "/v3/api-docs"})
    void deniesEveryOtherPathWithoutAKey(String path) {
        for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
            Response response = raw.send(method, path, NO_KEY);
            problem(response, 401, "unauthorized");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }
        assertNoServiceWasCalled(path);
    }

    @Test
    void deniesAnAbsoluteFormRequestTargetWithoutAKey() {
        int port = Integer.parseInt(http.baseUrl().substring(http.baseUrl().lastIndexOf(':') + 1));
        problem(raw.send("GET", "http://localhost:" + port + "/%61pi/v1/datasets", NO_KEY), 401, "unauthorized");
        problem(raw.send("POST", "http://localhost:" + port + "/api;/v1/datasets", NO_KEY), 400, "invalid-path");
        assertNoServiceWasCalled("absolute-form targets");
    }

    @Test
    void refusesARawBackslashOrControlCharacterBeforeWebFlux() {
        for (String path : List.of("/api\\v1\\datasets", "/api/v1/datasets\\..\\models", "/api/v1/da\"tasets",
                "/api/v1/<datasets>")) {
            problem(raw.send("GET", path, NO_KEY), 400, "invalid-path");
            problem(raw.send("GET", path, WITH_KEY), 400, "invalid-path");
        }
        byte[] nul = ("GET /api/v1/datasets\0/x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Response response = raw.exchange(nul, new byte[0]);
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.code()).isIn("invalid-path", "malformed-request");
        assertNoServiceWasCalled("raw backslash and NUL");
    }

    @Test
    void routesAnEncodedButUnambiguousPathWithAKeyToTheServiceItNames() {
        Response response = raw.send("GET", "/%61pi/v1/datasets", WITH_KEY);

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.body().path("from").asString()).isEqualTo("data");
        assertThat(requestsSeen()).containsExactly("data GET /%61pi/v1/datasets");
    }

    @Test
    void answersAWrongCaseOrUnroutedPathWithAKeyAsNotFound() {
        for (String path : List.of("/API/v1/datasets", "/api/v1/nope", "/api/v2/datasets", "/fallback/data-service",
                "/fallback")) {
            problem(raw.send("GET", path, WITH_KEY), 404, "not-found");
        }
        assertNoServiceWasCalled("unrouted paths");
    }

    @Test
    void leavesOnlyHealthTheSwaggerUiAndTheApiDocsOpen() {
        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness",
                "/gateway/api-docs/swagger-config", "/swagger-ui/index.html", "/v3/api-docs/data-service")) {
            Response response = raw.send("GET", path, Map.of("X-Gyre-User", "mallory"));
            assertThat(response.status()).as(path + " " + response.text()).isEqualTo(200);
        }
        for (String asset : List.of("/swagger-ui/swagger-ui.css", "/swagger-ui/swagger-initializer.js")) {
            Response response = raw.send("GET", asset, NO_KEY);
            assertThat(response.status()).as(asset + " " + response.text()).isEqualTo(200);
        }
        Response entry = raw.send("GET", "/swagger-ui.html", NO_KEY);
        assertThat(entry.status()).as(entry.text()).isIn(200, 302);
        entry.headers().firstValue("Location").map(java.net.URI::create).map(java.net.URI::getRawPath).ifPresent(
                location -> assertThat(raw.send("GET", location, NO_KEY).status()).as(location).isEqualTo(200));
        problem(raw.send("GET", "/actuator/info", NO_KEY), 401, "unauthorized");
        assertThat(SERVICES.get("data").requests()).last()
                .satisfies(request -> assertThat(request.header("X-Gyre-User")).isNull());
        problem(raw.send("POST", "/actuator/health", NO_KEY), 401, "unauthorized");
        problem(raw.send("DELETE", "/v3/api-docs/data-service", NO_KEY), 401, "unauthorized");
        assertThat(requestsSeen()).containsExactly("data GET /v3/api-docs");
    }
}
