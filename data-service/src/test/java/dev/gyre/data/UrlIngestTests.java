package dev.gyre.data;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import dev.gyre.test.HttpTestClient.Response;
import dev.gyre.test.StubServer;
import dev.gyre.test.StubServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.gyre.test.Datasets.penguinsCsv;
import static dev.gyre.test.ProblemAssertions.problem;
import static dev.gyre.test.UniqueNames.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * URL ingest through the API, from sources on 127.0.0.1 only (the tests allow exactly that host): the SSRF guard
 * refuses every other spelling of this machine, and redirects to them, before a connection is made; sizes and time
 * are capped while the download runs; and a source's failure is a 4xx problem naming source.url.
 */
class UrlIngestTests extends DataServiceTestBase {
    private StubServer stub;
    private SourceServer source;

    @BeforeEach
    void startSources() {
        stub = new StubServer()
                .on("/penguins.csv", request -> Reply.bytes(200, "text/csv", penguinsCsv()))
                .on("/hangs-up", request -> Reply.noAnswer())
                .on("/header-only.csv", request -> Reply.bytes(200, "text/csv", "a,b\n".getBytes()));
        source = new SourceServer();
    }

    @AfterEach
    void stopSources() {
        stub.close();
        source.close();
    }

    private Response ingestUrl(String dataset, String url) {
        String escaped = url.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t");
        return http.post("/api/v1/datasets/" + dataset + "/versions",
                "{\"source\":{\"type\":\"url\",\"url\":\"" + escaped + "\"}}");
    }

    private long versions(String dataset) {
        return http.get("/api/v1/datasets/" + dataset + "/versions").body().path("total").asLong();
    }

    private int stubPort() {
        return Integer.parseInt(stub.url().substring(stub.url().lastIndexOf(':') + 1));
    }

    @Test
    void refusesEverySpellingOfThisMachineBeforeAnyConnection() {
        String name = createDataset(uniqueName("ssrf"), null);
        int port = stubPort();
        String self = "http://localhost:" + http.baseUrl().substring(http.baseUrl().lastIndexOf(':') + 1);
        List<String> urls = List.of(
                "http://localhost:" + port + "/penguins.csv", "http://LocalHost:" + port + "/penguins.csv",
                "http://[::1]:" + port + "/penguins.csv", "http://0.0.0.0:" + port + "/penguins.csv",
                "http://[::]:" + port + "/penguins.csv", "http://127.1:" + port + "/penguins.csv",
                "http://2130706433:" + port + "/penguins.csv", "http://0x7f.1:" + port + "/penguins.csv",
                "http://017700000001:" + port + "/penguins.csv", "http://0x7f000001:" + port + "/penguins.csv",
                "http://[::ffff:127.0.0.1]:" + port + "/penguins.csv",
                "http://[0:0:0:0:0:ffff:7f00:1]:" + port + "/penguins.csv",
                "http://user:pass@127.0.0.1:" + port + "/penguins.csv",
                "http://127.0.0.1:" + port + "@localhost:" + port + "/penguins.csv",
                " http://127.0.0.1:" + port + "/penguins.csv", "http://127.0.0.1:" + port + "/penguins.csv ",
                "\thttp://127.0.0.1:" + port + "/penguins.csv", "http://127.0.0.1:" + port + "/pen guins.csv",
                "http://127.0.0.1.:" + port + "/penguins.csv", "HTTP://LOCALHOST:" + port + "/penguins.csv",
                "ftp://127.0.0.1:" + port + "/penguins.csv", "file:///etc/passwd",
                self + "/api/v1/datasets/" + name + "/versions", self + "/actuator/health",
                "http://[::1]:" + self.substring(self.lastIndexOf(':') + 1) + "/actuator/health");

        for (String url : urls) {
            Response response = ingestUrl(name, url);
            assertThat(response.status()).as(url + " -> " + response.text()).isEqualTo(400);
            assertThat(response.code()).as(url).isIn("invalid-url", "url-not-allowed");
            assertThat(response.field()).as(url).isEqualTo("source.url");
        }
        assertThat(stub.requests()).isEmpty();
        assertThat(versions(name)).isZero();
    }

    @Test
    void followsARedirectOnlyToWhatTheGuardAllows() {
        String name = createDataset(uniqueName("redirect"), null);
        int port = stubPort();
        source.on("/to-stub", SourceServer.redirect(302, stub.url() + "/penguins.csv"))
                .on("/relative", SourceServer.redirect(301, "/to-stub"))
                .on("/to-localhost", SourceServer.redirect(302, "http://localhost:" + port + "/penguins.csv"))
                .on("/to-ipv6", SourceServer.redirect(307, "http://[::1]:" + port + "/penguins.csv"))
                .on("/to-zero", SourceServer.redirect(308, "http://0.0.0.0:" + port + "/penguins.csv"))
                .on("/to-decimal", SourceServer.redirect(303, "http://2130706433:" + port + "/penguins.csv"))
                .on("/to-userinfo", SourceServer.redirect(302, "http://u:p@127.0.0.1:" + port + "/penguins.csv"))
                .on("/to-file", SourceServer.redirect(302, "file:///etc/passwd"))
                .on("/loop", SourceServer.redirect(302, "/loop"));

        for (String path : List.of("/to-localhost", "/to-ipv6", "/to-zero")) {
            JsonNode refused = problem(ingestUrl(name, source.url() + path), 400, "url-not-allowed", "source.url");
            assertThat(refused.path("redirects").asInt()).as(path).isEqualTo(1);
            assertThat(refused.path("detail").asString()).as(path).contains("redirect 1");
        }
        for (String path : List.of("/to-decimal", "/to-userinfo", "/to-file")) {
            problem(ingestUrl(name, source.url() + path), 422, "source-failed", "source.url");
        }
        assertThat(stub.requests()).as("no refused redirect reached its target").isEmpty();

        JsonNode loop = problem(ingestUrl(name, source.url() + "/loop"), 422, "too-many-redirects", "source.url");
        assertThat(loop.path("detail").asString()).contains("5");
        assertThat(source.requests().stream().filter(r -> r.equals("GET /loop")).count()).isEqualTo(6);
        assertThat(versions(name)).isZero();

        Response followed = ingestUrl(name, source.url() + "/relative");
        assertThat(followed.status()).as(followed.text()).isEqualTo(201);
        assertThat(followed.body().path("rows").asLong()).isEqualTo(344);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void anEndlessSourceIsCutAtTheSizeLimitWhileItStreams() {
        String name = createDataset(uniqueName("endless"), null);
        source.on("/endless.csv", SourceServer.endless()).on("/declares.csv", SourceServer.declares(50_000_000));

        JsonNode tooLarge = problem(ingestUrl(name, source.url() + "/endless.csv"), 413, "source-too-large",
                "source.url");

        assertThat(tooLarge.path("maxBytes").asLong()).isEqualTo(1024 * 1024);
        assertThat(tooLarge.path("detail").asString()).contains("1048576 bytes");
        problem(ingestUrl(name, source.url() + "/declares.csv"), 413, "source-too-large", "source.url");
        assertThat(versions(name)).isZero();
        // the service is still well
        assertThat(ingestUrl(name, stub.url() + "/penguins.csv").status()).isEqualTo(201);
    }

    @Test
    void aTricklingSourceIsAbandonedAtTheTotalDeadline() {
        String name = createDataset(uniqueName("trickle"), null);
        source.on("/trickle.csv", SourceServer.trickle(Duration.ofMillis(500)));

        Response response = ingestUrl(name, source.url() + "/trickle.csv");

        JsonNode timeout = problem(response, 422, "source-timeout", "source.url");
        assertThat(timeout.path("timeoutSeconds").asDouble()).isEqualTo(2.0);
        assertThat(Duration.ofMillis(response.millis())).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(5));
        assertThat(versions(name)).isZero();
    }

    @Test
    void aSourceThatFailsIsTheCallersProblemNot502() throws IOException {
        String name = createDataset(uniqueName("failing"), null);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }

        JsonNode refused = problem(ingestUrl(name, "http://127.0.0.1:" + closedPort + "/data.csv"), 422,
                "url-unreachable", "source.url");
        assertThat(refused.path("detail").asString()).contains("refused the connection");
        problem(ingestUrl(name, stub.url() + "/hangs-up"), 422, "source-failed", "source.url");
        assertThat(problem(ingestUrl(name, stub.url() + "/nothing-here"), 422, "source-failed", "source.url")
                .path("upstreamStatus").asInt()).isEqualTo(404);
        problem(ingestUrl(name, stub.url() + "/header-only.csv"), 400, "no-rows", "source.url");
        assertThat(versions(name)).isZero();
    }
}
