package dev.gyre.gateway;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.gyre.test.HttpTestClient;
import dev.gyre.test.HttpTestClient.Response;
import dev.gyre.test.StubServer;
import dev.gyre.test.StubServer.Reply;

import static dev.gyre.test.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 20: while a service is starting, its routes answer 503 {@code service-starting} without calling it,
 * so its circuit breaker counts nothing; once its readiness probe first answers UP it is routed, and a burst of
 * start-up requests has not opened its circuit. Registry is not listening when the gateway starts; training listens
 * but its readiness says OUT_OF_SERVICE until the test says otherwise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StartupReadinessTests {

    private static final String ADMIN_KEY = "test-admin-key-readiness-0123456789";
    private static final AtomicBoolean TRAINING_READY = new AtomicBoolean();

    private static final StubServer DATA = ready("data");
    private static final StubServer SERVING = ready("serving");
    private static final StubServer MONITORING = ready("monitoring");
    private static final StubServer REGISTRY = notListening(ready("registry"));
    private static final StubServer TRAINING = new StubServer()
            .on("/actuator/health/readiness", request -> TRAINING_READY.get()
                    ? Reply.json(200, Map.of("status", "UP"))
                    : Reply.json(503, Map.of("status", "OUT_OF_SERVICE")))
            .on("/", request -> Reply.json(200, Map.of("from", "training")));

    private HttpTestClient http;

    @Autowired
    private CircuitBreakerRegistry breakers;

    @LocalServerPort
    void connect(int port) {
        http = new HttpTestClient(port).withHeader("Authorization", "Bearer " + ADMIN_KEY);
    }

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("gyre.gateway.admin-key", () -> ADMIN_KEY);
        registry.add("gyre.services.data", DATA::url);
        registry.add("gyre.services.training", TRAINING::url);
        registry.add("gyre.services.registry", REGISTRY::url);
        registry.add("gyre.services.serving", SERVING::url);
        registry.add("gyre.services.monitoring", MONITORING::url);
        registry.add("gyre.gateway.readiness.poll-interval", () -> "100ms");
    }

    @AfterAll
    static void stopServices() {
        for (StubServer stub : new StubServer[] {DATA, SERVING, MONITORING, REGISTRY, TRAINING}) {
            stub.close();
        }
    }

    @Test
    void aServiceNotYetListeningIsStartingAndItsBreakerCountsNothingUntilItIsReady() throws Exception {
        for (int i = 0; i < 40; i++) { // twice the breaker's minimum number of calls
            Response response = http.get("/api/v1/models/churn");
            JsonNode problem = problem(response, 503, "service-starting");
            assertThat(problem.path("service").asString()).isEqualTo("registry-service");
            assertThat(problem.path("detail").asString()).contains("starting").doesNotContain("circuit");
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(response.millis()).isLessThan(1_000);
        }

        int counted = breakers.find("registry-service")
                .map(breaker -> breaker.getMetrics().getNumberOfBufferedCalls()).orElse(0);
        assertThat(counted).as("calls counted by registry-service's breaker while it was starting").isZero();

        REGISTRY.start();
        Response first = firstAnswerPastStarting("/api/v1/models/churn");

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.body().path("from").asString()).isEqualTo("registry");
        assertThat(REGISTRY.requests()).filteredOn(request -> request.path().startsWith("/api/"))
                .as("the service saw exactly the one call made once it was ready").hasSize(1);
    }

    @Test
    void aListeningServiceIsStartingUntilItsReadinessProbeSaysUp() throws Exception {
        Response starting = http.get("/api/v1/algorithms");
        JsonNode problem = problem(starting, 503, "service-starting");
        assertThat(problem.path("service").asString()).isEqualTo("training-service");
        assertThat(TRAINING.requests()).as("only readiness probes reached training")
                .allSatisfy(request -> assertThat(request.path()).isEqualTo("/actuator/health/readiness"));

        TRAINING_READY.set(true);
        Response first = firstAnswerPastStarting("/api/v1/algorithms");

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.body().path("from").asString()).isEqualTo("training");
    }

    @Test
    void aServiceThatWasReadyWhenTheGatewayStartedIsRoutedAtOnce() {
        Response response = http.get("/api/v1/datasets");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.body().path("from").asString()).isEqualTo("data");
        assertThat(breakers.find("data-service")).as("the registry the gateway's breakers live in")
                .hasValueSatisfying(breaker -> assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).isPositive());
    }

    /** Polls until the route stops answering service-starting (at most 10 s) and returns that first answer. */
    private Response firstAnswerPastStarting(String path) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            Response response = http.get(path);
            if (!"service-starting".equals(response.code()) || System.nanoTime() > deadline) {
                return response;
            }
            Thread.sleep(50);
        }
    }

    private static StubServer ready(String name) {
        return new StubServer().on("/", request -> Reply.json(200, Map.of("from", name)));
    }

    private static StubServer notListening(StubServer stub) {
        stub.stop();
        return stub;
    }
}
