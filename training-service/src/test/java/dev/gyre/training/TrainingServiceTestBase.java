package dev.gyre.training;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import dev.gyre.test.HttpTestClient;
import dev.gyre.test.HttpTestClient.Response;
import dev.gyre.test.PostgresTestConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

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

    protected HttpTestClient http;

    @LocalServerPort
    void connect(int port) {
        http = new HttpTestClient(port);
    }

    /** Submits a job and returns its id, asserting the 202. */
    protected String submit(String request) {
        Response response = http.post("/api/v1/training-jobs", request);
        assertThat(response.status()).as(response.text()).isEqualTo(202);
        JsonNode job = response.body();
        assertThat(job.path("status").asString()).isEqualTo("QUEUED");
        return job.path("id").asString();
    }

    /** Polls the job until it ends (SUCCEEDED, FAILED or CANCELLED) or the deadline passes. */
    protected JsonNode awaitEnd(String id, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode job = null;
        while (Instant.now().isBefore(deadline)) {
            Response response = http.get("/api/v1/training-jobs/" + id);
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            job = response.body();
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
}
