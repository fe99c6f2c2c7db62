package dev.gyre.registry;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.gyre.test.HttpTestClient.Response;
import dev.gyre.test.Multipart;
import dev.gyre.test.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.gyre.test.ProblemAssertions.clientProblem;
import static dev.gyre.test.ProblemAssertions.problem;
import static dev.gyre.test.UniqueNames.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

/** Hostile input to registry-service (issue 14, the shared items): every answer a 4xx problem, nothing moved. */
class HostileInputTests extends RegistryServiceTestBase {
    private RawHttp raw;

    @LocalServerPort
    void raw(int port) {
        raw = new RawHttp(port);
    }

    @Test
    void aPagePastTheLastReachableItemIsAnInvalidPage() {
        problem(http.get("/api/v1/models?page=2147483647&size=500"), 400, "invalid-page", "page");
        problem(http.get("/api/v1/models?page=2147483647&size=2"), 400, "invalid-page", "page");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%2Fb", "a%00b", "%FF%FE", "a%5Cb"})
    void aMalformedPathSegmentIsAProblemNotTomcatsHtmlPage(String segment) {
        for (String path : List.of("/api/v1/models/" + segment, "/api/v1/models/" + segment + "/aliases/champion",
                "/api/v1/models/m/versions/" + segment + "/bundle")) {
            RawHttp.Answer answer = raw.send("GET", path);
            clientProblem(answer);
        }
    }

    @Test
    void aFractionalAliasVersionIsRefusedAndTheAliasStaysPut() {
        String model = uniqueName("hostile-alias");
        registered(model, logisticBundle(model), 201, 1);
        registered(model, cartBundle(model), 201, 2);
        String alias = "/api/v1/models/" + model + "/aliases/champion";
        assertThat(http.put(alias, "{\"version\":2}").status()).isEqualTo(200);

        Response fraction = http.put(alias, "{\"version\":1.9}");
        problem(fraction, 400, "malformed-request", "version");
        assertThat(fraction.body().path("detail").asString()).contains("whole number");
        problem(http.put(alias, "{\"version\":1.0}"), 400, "malformed-request", "version");
        problem(http.put(alias, "{\"version\":1e0}"), 400, "malformed-request", "version");
        problem(http.put(alias, "{\"version\":\"NaN\"}"), 400, "malformed-request", "version");

        assertThat(http.get(alias).body().path("version").asInt()).isEqualTo(2);
    }

    @Test
    void aBundleUploadWithoutABoundaryIsA400Problem() {
        String model = uniqueName("hostile-mp");
        Multipart body = new Multipart().file("bundle", "model.gyre", "application/octet-stream",
                        logisticBundle(model))
                .part("metadata", "application/json", metadata(null));
        RawHttp.Answer answer = raw.send("POST", "/api/v1/models/" + model + "/versions",
                Map.of("Content-Type", "multipart/form-data"), body.bytes());
        problem(answer, 400, "malformed-multipart");
        problem(http.get("/api/v1/models/" + model), 404, "not-found");
    }

    @Test
    void aBundleUploadThatEndsMidPartIsA400Problem() {
        String model = uniqueName("hostile-mp");
        Multipart body = new Multipart().file("bundle", "model.gyre", "application/octet-stream",
                        logisticBundle(model))
                .part("metadata", "application/json", metadata(null));
        byte[] whole = body.bytes();
        RawHttp.Answer answer = raw.send("POST", "/api/v1/models/" + model + "/versions",
                Map.of("Content-Type", body.contentType()), Arrays.copyOf(whole, whole.length / 2));
        problem(answer, 400, "malformed-multipart");

        answer = raw.send("POST", "/api/v1/models/" + model + "/versions",
                Map.of("Content-Type", "multipart/form-data; boundary=nothing-like-it"),
                "not a multipart body".getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        problem(http.get("/api/v1/models/" + model), 404, "not-found");
    }

    @Test
    void nulInMetadataIsRefusedNamingTheField() {
        String model = uniqueName("hostile-nul");
        Response response = register(model, logisticBundle(model),
                "{\"description\":\"pen\\u0000guins\",\"metrics\":{\"accuracy\":0.9}}", null);
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        problem(http.get("/api/v1/models/" + model), 404, "not-found");
    }
}
