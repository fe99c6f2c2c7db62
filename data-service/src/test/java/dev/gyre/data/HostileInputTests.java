package dev.gyre.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CountDownLatch;

import dev.gyre.test.Datasets;
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

/** Hostile input to data-service (issue 14, the shared items): every answer a 4xx problem, nothing stored. */
class HostileInputTests extends DataServiceTestBase {
    private RawHttp raw;

    @LocalServerPort
    void raw(int port) {
        raw = new RawHttp(port);
    }

    @Test
    void aPagePastTheLastReachableItemIsAnInvalidPage() {
        String name = createDataset(uniqueName("hostile-page"), null);
        problem(http.get("/api/v1/datasets?page=2147483647&size=500"), 400, "invalid-page", "page");
        problem(http.get("/api/v1/datasets/" + name + "/versions?page=2147483647&size=500"), 400, "invalid-page",
                "page");
        problem(http.get("/api/v1/datasets?page=1073741824&size=2"), 400, "invalid-page", "page");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%2Fb", "a%00b", "%FF%FE", "a%5Cb", "..%2F..%2Fetc"})
    void aMalformedPathSegmentIsAProblemNotTomcatsHtmlPage(String segment) {
        for (String path : List.of("/api/v1/datasets/" + segment, "/api/v1/datasets/" + segment + "/versions/1")) {
            RawHttp.Answer answer = raw.send("GET", path);
            clientProblem(answer);
        }
    }

    @Test
    void aMultipartUploadWithoutABoundaryIsA400Problem() {
        String name = createDataset(uniqueName("hostile-mp"), null);
        Multipart body = new Multipart().file("file", "penguins.csv", "text/csv", Datasets.penguinsCsv());
        RawHttp.Answer answer = raw.send("POST", "/api/v1/datasets/" + name + "/versions",
                Map.of("Content-Type", "multipart/form-data"), body.bytes());
        problem(answer, 400, "malformed-multipart");
        assertNoVersion(name);
    }

    @Test
    void aMultipartUploadThatEndsMidPartIsA400Problem() {
        String name = createDataset(uniqueName("hostile-mp"), null);
        Multipart body = new Multipart().file("file", "penguins.csv", "text/csv", Datasets.penguinsCsv());
        byte[] whole = body.bytes();
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        RawHttp.Answer answer = raw.send("POST", "/api/v1/datasets/" + name + "/versions",
                Map.of("Content-Type", body.contentType()), cut);
        problem(answer, 400, "malformed-multipart");

        byte[] noClosingBoundary = Arrays.copyOf(whole, whole.length - ("--" + body.contentType()
                .substring(body.contentType().indexOf('=') + 1) + "--\r\n").length());
        answer = raw.send("POST", "/api/v1/datasets/" + name + "/versions",
                Map.of("Content-Type", body.contentType()), noClosingBoundary);
        problem(answer, 400, "malformed-multipart");

        answer = raw.send("POST", "/api/v1/datasets/" + name + "/versions",
                Map.of("Content-Type", "multipart/form-data; boundary=xyz"),
                "this is not multipart at all".getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        assertNoVersion(name);
    }

    @Test
    void nulInADatasetDescriptionIsRefusedAtBindingAndNothingIsCreated() {
        String name = uniqueName("hostile-nul");
        Response response = http.post("/api/v1/datasets", """
                {"name":"%s","description":"customer\\u0000churn"}""".formatted(name));
        problem(response, 400, "malformed-request", "description");
        problem(http.get("/api/v1/datasets/" + name), 404, "not-found");

        problem(http.post("/api/v1/datasets", """
                {"name":"%s","schema":[{"name":"Ten\\u0000ure","type":"numeric"}]}""".formatted(name)),
                400, "malformed-request", "schema[0].name");
        problem(http.get("/api/v1/datasets/" + name), 404, "not-found");
    }

    @Test
    void racingCreatesOfOneNameGiveOne201AndConflictsNeverAnotherError() throws Exception {
        String name = uniqueName("hostile-race");
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < racers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.post("/api/v1/datasets", "{\"name\":\"" + name + "\"}");
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                if (response.status() == 201) {
                    created++;
                } else {
                    // the service's own check says dataset-exists; a lost race reaches the unique constraint
                    assertThat(response.status()).as(response.text()).isEqualTo(409);
                    assertThat(response.code()).isIn("dataset-exists", "conflict");
                }
            }
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFractionForAnIntegerQueryParameterIsAProblem() {
        problem(http.get("/api/v1/datasets?page=1.5"), 400, "invalid-parameter", "page");
    }

    private void assertNoVersion(String dataset) {
        Response versions = http.get("/api/v1/datasets/" + dataset + "/versions");
        assertThat(versions.status()).as(versions.text()).isEqualTo(200);
        assertThat(versions.body().path("total").asLong()).isZero();
    }
}
