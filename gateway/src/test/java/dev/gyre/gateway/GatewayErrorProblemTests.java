package dev.gyre.gateway;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.gyre.test.HttpTestClient.Response;

import static dev.gyre.test.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 8: every error the gateway answers itself is {@code application/problem+json} with a Gyre code,
 * also those of Boot's error handling (unknown routes) and of Netty's HTTP decoder (414, 431, malformed requests).
 */
class GatewayErrorProblemTests extends StubbedGatewayTest {

    @Test
    void answersAnUnknownRouteWithAKeyAsNotFoundProblem() {
        for (String path : List.of("/api/v1/nope", "/api/v2/datasets", "/api/v1", "/api", "/nope/at/all")) {
            Response response = raw.send("GET", path, WITH_KEY);
            problem(response, 404, "not-found");
            assertThat(response.body().path("instance").asString()).isEqualTo(path);
            assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        }
        Response html = raw.send("GET", "/api/v1/nope", Map.of("Authorization", "Bearer " + ADMIN_KEY,
                "Accept", "text/html"));
        problem(html, 404, "not-found");
        assertNoServiceWasCalled("unknown routes");
    }

    @Test
    void answersADoubleSlashPathAsAProblem() {
        problem(raw.send("GET", "//api/v1/datasets", WITH_KEY), 400, "invalid-path", "path");
        problem(raw.send("GET", "//api/v1/datasets", NO_KEY), 400, "invalid-path", "path");
        assertNoServiceWasCalled("//api");
    }

    @Test
    void refusesTraceAndUnknownMethodsAsMethodNotAllowedProblems() {
        for (String method : List.of("TRACE", "FOO")) {
            for (Map<String, String> key : List.of(NO_KEY, WITH_KEY)) {
                Response response = raw.send(method, "/api/v1/datasets", key);
                problem(response, 405, "method-not-allowed");
                assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(
                        allow -> assertThat(allow).contains("GET").doesNotContain("TRACE"));
            }
        }
        assertNoServiceWasCalled("TRACE");
    }

    @Test
    void answersAMethodAGatewayEndpointDoesNotTakeAsAProblem() {
        Response response = raw.send("DELETE", "/gateway/api-docs/swagger-config", WITH_KEY);
        problem(response, 405, "method-not-allowed");
    }

    @Test
    void answersATooLongRequestLineAsUriTooLongProblem() {
        for (int length : List.of(5_000, 10_000, 100_000)) {
            Response response = raw.send("GET", "/api/v1/datasets/" + "a".repeat(length), WITH_KEY);
            problem(response, 414, "uri-too-long");
            assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        }
        assertNoServiceWasCalled("414");
    }

    @Test
    void answersTooLargeHeadersAsRequestHeaderFieldsTooLargeProblem() {
        Map<String, String> big = new LinkedHashMap<>(WITH_KEY);
        big.put("X-Big", "b".repeat(20_000));
        problem(raw.send("GET", "/api/v1/datasets", big), 431, "request-header-fields-too-large");

        Map<String, String> many = new LinkedHashMap<>(WITH_KEY);
        for (int i = 0; i < 40; i++) {
            many.put("X-Many-" + i, "m".repeat(300));
        }
        problem(raw.send("GET", "/api/v1/datasets", many), 431, "request-header-fields-too-large");
        assertNoServiceWasCalled("431");
    }

    @Test
    void answersAMalformedRequestAsAProblem() {
        for (String request : List.of("GARBAGE\r\n\r\n",
                "GET /api/v1/datasets HTTP/1.1\r\nHost: x\r\nBroken header\r\n\r\n",
                "GET /api/v1/datasets HTTP/1.1\r\nHost: [::1\r\n\r\n",
                "GET /api/v1/datasets HTTP/1.1\r\nHost: x\r\n Folded: into the host\r\n\r\n",
                "GET /api/v1/datasets HTTP/1.1\r\nHost: x\r\nX-Nul: a\0b\r\n\r\n",
                "POST /api/v1/datasets HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
                "POST /api/v1/datasets HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n")) {
            Response response;
            try {
                response = raw.exchange(request.getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
            } catch (RuntimeException e) {
                throw new AssertionError(request, e);
            }
            assertThat(response.status()).as(request + " → " + response.text()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.code()).isEqualTo("malformed-request");
        }
        Response unknownVersion = raw.exchange("GET /api/v1/datasets HTTP/9.9\r\nHost: x\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
        problem(unknownVersion, 505, "http-version-not-supported");
        for (String target : List.of("api/v1/datasets", ".evil/api/v1/datasets", "*")) {
            Response response = raw.exchange(("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
            problem(response, 400, "invalid-path", "path");
        }
        assertNoServiceWasCalled("malformed requests");
    }

    @Test
    void answersARefusedPipelinedRequestAfterTheOneBeforeIt() {
        String first = "GET /actuator/health HTTP/1.1\r\nHost: x\r\n\r\n";
        String second = "GET /api/v1/datasets/" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n";
        String answers = raw.exchangeRaw((first + second).getBytes(StandardCharsets.ISO_8859_1));

        assertThat(answers).startsWith("HTTP/1.1 200");
        int refused = answers.indexOf("HTTP/1.1 414");
        assertThat(refused).as(answers).isPositive();
        assertThat(answers.substring(refused)).contains("application/problem+json").contains("\"code\":\"uri-too-long\"");
    }

    @Test
    void answersABodyOverTheSizeLimitAsAProblem() {
        Response response = raw.send("POST", "/api/v1/datasets/penguins/versions",
                Map.of("Authorization", "Bearer " + ADMIN_KEY, "Content-Type", "text/csv"),
                "x\n".repeat(3_000).getBytes(StandardCharsets.UTF_8));

        problem(response, 413, "content-too-large");
        assertThat(response.headers().firstValue("errorMessage")).isEmpty();
        assertNoServiceWasCalled("413");
    }

    @Test
    void passesAServicesOwnErrorThroughUnchanged() {
        SERVICES.get("serving").on("/api/v1/deployments/missing",
                request -> dev.gyre.test.StubServer.Reply.problem(404, "not-found", "deployment 'missing' does not exist"));
        Response response = raw.send("GET", "/api/v1/deployments/missing", WITH_KEY);

        problem(response, 404, "not-found");
        assertThat(response.body().path("detail").asString()).isEqualTo("deployment 'missing' does not exist");
    }
}
