package dev.gyre.training;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import dev.gyre.test.PostgresTestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The one Spring context of the module's tests: real PostgreSQL, the service on a random port, and
 * data-service and registry-service played by {@link PeerStub}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({PostgresTestConfiguration.class, PeerStubConfiguration.class})
public abstract class TrainingServiceTestBase {
    /** Started once per JVM, before the context reads its URL; stopped when the cached context closes. */
    protected static final PeerStub PEERS = new PeerStub();
    private static final Set<String> FINISHED = Set.of("SUCCEEDED", "FAILED", "CANCELLED");

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        registry.add("spring.http.serviceclient.data.base-url", PEERS::url);
        registry.add("spring.http.serviceclient.registry.base-url", PEERS::url);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JsonMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    protected HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    protected HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /** Submits a job and returns its id, asserting the 202. */
    protected String submit(String request) {
        HttpResponse<String> response = post("/api/v1/training-jobs", request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode job = body(response);
        assertThat(job.path("status").asString()).isEqualTo("QUEUED");
        return job.path("id").asString();
    }

    /** Polls the job until it ends (SUCCEEDED, FAILED or CANCELLED) or the deadline passes. */
    protected JsonNode awaitEnd(String id, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode job = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = get("/api/v1/training-jobs/" + id);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            job = body(response);
            if (FINISHED.contains(job.path("status").asString())) {
                return job;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("job " + id + " did not end within " + timeout + "; last seen: " + job);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
