package dev.gyre.gateway;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.gyre.test.HttpTestClient;
import dev.gyre.test.StubServer;
import dev.gyre.test.StubServer.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of five stub services on free loopback ports, each answering everything 200
 * {@code {"from":"<name>"}} (its readiness probe too). Subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class StubbedGatewayTest {

    static final String ADMIN_KEY = "test-admin-key-stubbed-0123456789";
    static final Map<String, String> WITH_KEY = Map.of("Authorization", "Bearer " + ADMIN_KEY);
    static final Map<String, String> NO_KEY = Map.of();

    static final Map<String, StubServer> SERVICES = Map.of(
            "data", service("data"), "training", service("training"), "registry", service("registry"),
            "serving", service("serving"), "monitoring", service("monitoring"));

    RawHttp raw;
    HttpTestClient http;

    @LocalServerPort
    void connect(int port) {
        raw = new RawHttp(port);
        http = new HttpTestClient(port);
    }

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("gyre.gateway.admin-key", () -> ADMIN_KEY);
        SERVICES.forEach((name, stub) -> registry.add("gyre.services." + name, stub::url));
        registry.add("GYRE_MAX_UPLOAD", () -> "4KB");
    }

    static {
        // the stubs live as long as the context the subclasses share, which Spring closes when the JVM ends
        Runtime.getRuntime().addShutdownHook(new Thread(() -> SERVICES.values().forEach(StubServer::close)));
    }

    @BeforeEach
    void forgetRequests() {
        SERVICES.values().forEach(stub -> stub.requests().clear());
    }

    /** The API requests the services received (readiness probes left out). */
    static List<String> requestsSeen() {
        return SERVICES.entrySet().stream()
                .flatMap(entry -> entry.getValue().requests().stream()
                        .filter(request -> !request.path().startsWith("/actuator/health"))
                        .map(request -> entry.getKey() + " " + request.method() + " " + request.uri()))
                .toList();
    }

    static void assertNoServiceWasCalled(String why) {
        assertThat(requestsSeen()).as(why).isEmpty();
    }

    private static StubServer service(String name) {
        return new StubServer().on("/", request -> Reply.json(200, Map.of("from", name)));
    }
}
