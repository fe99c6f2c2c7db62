package dev.gyre.data;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import dev.gyre.api.data.DataApi;
import dev.gyre.api.data.DatasetProfileResponse;
import dev.gyre.api.data.DatasetVersionResponse;
import dev.gyre.test.HttpTestClient.Response;
import dev.gyre.test.StubServer;
import dev.gyre.test.StubServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import tools.jackson.databind.JsonNode;

import static dev.gyre.test.Datasets.penguinsCsv;
import static dev.gyre.test.ProblemAssertions.problem;
import static dev.gyre.test.UniqueNames.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

/** The shared {@link DataApi} as other services use it, URL ingest from a stub server, and concurrent uploads. */
class DataApiClientTests extends DataServiceTestBase {
    private StubServer source;
    private DataApi client;

    @BeforeEach
    void startSourceServerAndClient() {
        source = new StubServer()
                .on("/penguins.csv", request -> Reply.bytes(200, "text/csv", penguinsCsv()))
                .on("/missing.csv", request -> Reply.status(404));
        RestClient rest = RestClient.builder().baseUrl(http.baseUrl()).build();
        client = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest)).build().createClient(DataApi.class);
    }

    @AfterEach
    void stopSourceServer() {
        source.close();
    }

    private String sourceUrl(String path) {
        return source.url() + path;
    }

    @Test
    void theSharedClientReadsWhatTheControllerServes() {
        String name = createDataset(uniqueName("client"), null);
        assertThat(postCsv(name, "x,y\n1,a\n2,b\n".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);

        DatasetVersionResponse version = client.version(name, 1);
        DatasetProfileResponse profile = client.profile(name, 1);

        assertThat(client.dataset(name).latestVersion()).isEqualTo(1);
        assertThat(version.rows()).isEqualTo(2);
        assertThat(version.columns().get(0).type().json()).isEqualTo("numeric");
        assertThat(profile.columns().get(0).mean()).isEqualTo(1.5);
        assertThat(http.get("/api/v1/datasets/" + name + "/versions/1/content").text()).isEqualTo("x,y\n1,a\n2,b\n");
        assertThat(client.versions(name, 0, 10).items()).extracting(DatasetVersionResponse::version)
                .containsExactly(1);
    }

    @Test
    void ingestsFromAUrl() {
        String name = createDataset(uniqueName("fromurl"), null);

        Response response = http.post("/api/v1/datasets/" + name + "/versions",
                "{\"source\":{\"type\":\"url\",\"url\":\"" + sourceUrl("/penguins.csv") + "\"}}");

        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode v = response.body();
        assertThat(v.path("rows").asLong()).isEqualTo(344);
        assertThat(v.path("lineage").path("source").asString()).isEqualTo("url");
        assertSameRows(http.get("/api/v1/datasets/" + name + "/versions/1/content").bytes(), penguinsCsv());
        // the same file by upload is the same version
        assertThat(postCsv(name, penguinsCsv()).status()).isEqualTo(200);
    }

    @Test
    void refusesSourcesItCannotUseNamingTheField() {
        String name = createDataset(uniqueName("badsource"), null);
        String path = "/api/v1/datasets/" + name + "/versions";

        assertThat(problem(http.post(path, "{\"source\":{\"type\":\"s3\"}}"), 400, "unsupported-source")
                .path("field").asString()).isEqualTo("source.type");
        assertThat(problem(http.post(path, "{\"source\":{\"type\":\"jdbc\"}}"), 400, "missing-field")
                .path("field").asString()).isEqualTo("source.connection");
        assertThat(problem(http.post(path, "{\"source\":{\"type\":\"url\",\"url\":\"file:///etc/passwd\"}}"), 400,
                "invalid-url").path("field").asString()).isEqualTo("source.url");
        JsonNode failed = problem(http.post(path, "{\"source\":{\"type\":\"url\",\"url\":\""
                + sourceUrl("/missing.csv") + "\"}}"), 422, "source-failed");
        assertThat(failed.path("upstreamStatus").asInt()).isEqualTo(404);
        assertThat(problem(http.post(path, "{}"), 400, "missing-source").path("field").asString()).isEqualTo("source");
        assertThat(http.get(path).body().path("total").asLong()).isZero();
    }

    @Test
    void concurrentUploadsGetConsecutiveVersionNumbers() throws Exception {
        String name = createDataset(uniqueName("concurrent"), null);
        int uploads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(uploads);
        try {
            List<Callable<Integer>> tasks = IntStream.range(0, uploads)
                    .<Callable<Integer>>mapToObj(i -> () -> postCsv(name, ("n\n" + i + "\n").getBytes()).status())
                    .toList();
            List<Integer> statuses = pool.invokeAll(tasks).stream().map(DataApiClientTests::join).toList();
            assertThat(statuses).containsOnly(201);
        } finally {
            pool.shutdownNow();
        }

        JsonNode list = http.get("/api/v1/datasets/" + name + "/versions?size=100").body();
        assertThat(list.path("items").findValues("version")).extracting(JsonNode::asInt)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(http.get("/api/v1/datasets/" + name).body().path("latestVersion").asInt()).isEqualTo(uploads);
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
