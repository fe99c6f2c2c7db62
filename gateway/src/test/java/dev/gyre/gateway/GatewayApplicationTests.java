package dev.gyre.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.gyre.test.StubServer;
import dev.gyre.test.StubServer.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway against real HTTP backends: JDK HttpServer stubs for data, training and serving, a stub registry
 * that a test stops, a closed port for monitoring (a service that never started).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayApplicationTests {

    private static final String ADMIN_KEY = "test-admin-key-0123456789";
    private static final String DATA_DOC = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"data-service\",\"version\":\"1\"},\"paths\":{}}";

    /** Last request each stub saw: method, path, X-Gyre-User. */
    private static final Map<String, Map<String, String>> SEEN = new ConcurrentHashMap<>();
    private static final HttpServer DATA = stub("data");
    private static final HttpServer TRAINING = stub("training");
    private static final HttpServer SERVING = stub("serving");
    private static final StubServer REGISTRY = new StubServer().on("/", request -> Reply.json(200, Map.of("from", "registry")));
    private static final int CLOSED_PORT = closedPort();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("gyre.gateway.admin-key", () -> ADMIN_KEY);
        registry.add("gyre.services.data", () -> "http://127.0.0.1:" + DATA.getAddress().getPort());
        registry.add("gyre.services.training", () -> "http://127.0.0.1:" + TRAINING.getAddress().getPort());
        registry.add("gyre.services.serving", () -> "http://127.0.0.1:" + SERVING.getAddress().getPort());
        registry.add("gyre.services.registry", REGISTRY::url);
        registry.add("gyre.services.monitoring", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("resilience4j.timelimiter.instances.serving-service.timeout-duration", () -> "1s");
        registry.add("GYRE_MAX_UPLOAD", () -> "4KB");
    }

    @AfterAll
    static void stopStubs() {
        DATA.stop(0);
        TRAINING.stop(0);
        SERVING.stop(0);
        REGISTRY.close();
    }

    @Test
    void rejectsAnApiCallWithoutAKeyAsUnauthorizedProblem() throws Exception {
        SEEN.remove("data");
        HttpResponse<String> response = send(get("/api/v1/datasets"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://gyre.dev/problems/unauthorized");
        assertThat(problem.get("code").asString()).isEqualTo("unauthorized");
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(SEEN).doesNotContainKey("data");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).isNotBlank());
    }

    @Test
    void givesTheServiceTheRequestIdTheClientGetsBack() throws Exception {
        HttpResponse<String> response = send(authorized("/api/v1/datasets/penguins"));

        assertThat(response.statusCode()).isEqualTo(200);
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(requestId).matches("[0-9a-f-]{36}");
        assertThat(response.headers().allValues("X-Request-Id")).containsExactly(requestId);
        assertThat(SEEN.get("data")).containsEntry("requestId", requestId);
    }

    @Test
    void forwardsASaneIncomingRequestIdUnchangedAndReplacesAnInsaneOne() throws Exception {
        HttpResponse<String> sane = send(authorized("/api/v1/datasets/penguins").header("X-Request-Id", "client-42.a_B"));
        assertThat(sane.headers().firstValue("X-Request-Id")).hasValue("client-42.a_B");
        assertThat(SEEN.get("data")).containsEntry("requestId", "client-42.a_B");

        HttpResponse<String> insane = send(authorized("/api/v1/datasets/penguins").header("X-Request-Id", "x".repeat(65)));
        String replaced = insane.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(replaced).isNotEqualTo("x".repeat(65));
        assertThat(SEEN.get("data")).containsEntry("requestId", replaced);
    }

    @Test
    void rejectsAWrongKeyAndAKeyOfAnotherScheme() throws Exception {
        HttpResponse<String> wrong = send(get("/api/v1/models").header("Authorization", "Bearer not-the-key"));
        HttpResponse<String> basic = send(get("/api/v1/models").header("Authorization", "Basic " + ADMIN_KEY));
        HttpResponse<String> unrouted = send(get("/api/v1/nothing-here"));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json.readTree(wrong.body()).get("code").asString()).isEqualTo("unauthorized");
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(unrouted.statusCode()).isEqualTo(401);
    }

    @Test
    void routesAnAuthenticatedCallAndTellsTheServiceWhoCalled() throws Exception {
        HttpResponse<String> response = send(get("/api/v1/datasets/penguins?page=0")
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .header("X-Gyre-User", "mallory"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"from\":\"data\"}");
        assertThat(SEEN.get("data")).containsEntry("path", "/api/v1/datasets/penguins")
                .containsEntry("user", "admin")
                .containsEntry("users", "[admin]");
    }

    @Test
    void routesBarePrefixesAndEachPrefixToItsService() throws Exception {
        HttpResponse<String> datasets = send(authorized("/api/v1/datasets"));
        assertThat(datasets.body()).isEqualTo("{\"from\":\"data\"}");
        assertThat(SEEN.get("data")).containsEntry("path", "/api/v1/datasets");

        for (String path : List.of("/api/v1/algorithms", "/api/v1/training-jobs/42", "/api/v1/experiments/churn/runs")) {
            HttpResponse<String> response = send(authorized(path));
            assertThat(response.body()).as(path).isEqualTo("{\"from\":\"training\"}");
            assertThat(SEEN.get("training")).containsEntry("path", path);
        }
    }

    @Test
    void forwardsAnUploadBodyOnTheSlowRoute() throws Exception {
        String csv = "a,b\n1,2\n";
        HttpResponse<String> response = send(authorizedRequest("/api/v1/datasets/penguins/versions")
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SEEN.get("data")).containsEntry("method", "POST").containsEntry("body", csv);
    }

    @Test
    void refusesABodyOverTheSizeLimitBeforeItReachesTheService() throws Exception {
        SEEN.remove("data");
        HttpResponse<String> response = send(authorizedRequest("/api/v1/datasets/penguins/versions")
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("x\n".repeat(3_000))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(SEEN).doesNotContainKey("data");
    }

    @Test
    void answersServiceUnavailableNamingTheServiceWhenItIsDown() throws Exception {
        assertThat(send(authorized("/api/v1/models/churn")).statusCode()).isEqualTo(200);
        REGISTRY.stop();

        long started = System.nanoTime();
        HttpResponse<String> response = send(authorized("/api/v1/models/churn"));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo("service-unavailable");
        assertThat(problem.get("type").asString()).isEqualTo("https://gyre.dev/problems/service-unavailable");
        assertThat(problem.get("service").asString()).isEqualTo("registry-service");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/models/churn");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).isNotBlank());
        assertThat(elapsedMillis).isLessThan(1_000);
    }

    @Test
    void answersServiceStartingForAServiceThatHasNotBeenReadyYet() throws Exception {
        HttpResponse<String> alerts = send(authorized("/api/v1/alerts"));

        assertThat(alerts.statusCode()).isEqualTo(503);
        JsonNode problem = json.readTree(alerts.body());
        assertThat(problem.get("code").asString()).isEqualTo("service-starting");
        assertThat(problem.get("service").asString()).isEqualTo("monitoring-service");
    }

    @Test
    void answersGatewayTimeoutWhenAServiceOutlivesItsTimeLimit() throws Exception {
        HttpResponse<String> response = send(authorized("/api/v1/deployments/churn?delayMillis=3000"));

        assertThat(response.statusCode()).isEqualTo(504);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo("gateway-timeout");
        assertThat(problem.get("service").asString()).isEqualTo("serving-service");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/deployments/churn");
    }

    @Test
    void letsACallRunLongerThanResilience4jsOneSecondDefault() throws Exception {
        HttpResponse<String> response = send(authorized("/api/v1/algorithms?delayMillis=1500"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"from\":\"training\"}");
    }

    @Test
    void swaggerConfigListsTheFiveServices() throws Exception {
        HttpResponse<String> response = send(get("/gateway/api-docs/swagger-config"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode urls = json.readTree(response.body()).get("urls");
        assertThat(urls.findValuesAsString("name")).containsExactlyInAnyOrder("data-service", "training-service",
                "registry-service", "serving-service", "monitoring-service");
        assertThat(urls.findValuesAsString("url")).contains("/v3/api-docs/data-service");

        HttpResponse<String> ui = send(get("/swagger-ui/index.html"));
        assertThat(ui.statusCode()).isEqualTo(200);
    }

    @Test
    void proxiesAServiceApiDocWithoutAKey() throws Exception {
        HttpResponse<String> response = send(get("/v3/api-docs/data-service").header("X-Gyre-User", "mallory"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(DATA_DOC);
        assertThat(SEEN.get("data")).containsEntry("path", "/v3/api-docs").containsEntry("user", "<none>")
                .as("the service sees the gateway's host, so its document names the gateway as server")
                .containsEntry("host", "localhost:" + port);
    }

    @Test
    void leavesHealthOpen() throws Exception {
        HttpResponse<String> response = send(get("/actuator/health/readiness"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("UP");
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10));
    }

    private HttpRequest.Builder authorizedRequest(String path) {
        return get(path).header("Authorization", "Bearer " + ADMIN_KEY);
    }

    private HttpRequest.Builder authorized(String path) {
        return authorizedRequest(path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpServer stub(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> answer(name, exchange));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(String name, HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        long delayMillis = query != null && query.startsWith("delayMillis=") ? Long.parseLong(query.substring(12)) : 0;
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String user = exchange.getRequestHeaders().getFirst("X-Gyre-User");
        SEEN.put(name, Map.of("method", exchange.getRequestMethod(), "path", exchange.getRequestURI().getPath(),
                "user", user == null ? "<none>" : user,
                "requestId", String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id")),
                "host", String.valueOf(exchange.getRequestHeaders().getFirst("Host")), "users",
                String.valueOf(exchange.getRequestHeaders().getOrDefault("X-Gyre-User", List.of())), "body", body));
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String reply = exchange.getRequestURI().getPath().equals("/v3/api-docs") ? DATA_DOC : "{\"from\":\"" + name + "\"}";
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
