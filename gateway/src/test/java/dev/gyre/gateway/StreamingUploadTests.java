package dev.gyre.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload passes through the gateway as a stream: the service receives the first part of the body while the
 * client has not sent the rest. A gateway that held bodies in memory (as a circuit breaker with a
 * {@code fallbackUri} makes Spring Cloud Gateway do) would forward nothing until the client finished, and a body of a
 * few hundred MB would exhaust its direct memory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StreamingUploadTests {

    private static final String ADMIN_KEY = "test-admin-key-streaming-0123456789";
    private static final int PART = 4 << 20;

    private static final AtomicLong RECEIVED = new AtomicLong();
    private static final HttpServer DATA = dataService();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("gyre.gateway.admin-key", () -> ADMIN_KEY);
        String url = "http://127.0.0.1:" + DATA.getAddress().getPort();
        for (String service : new String[] {"data", "training", "registry", "serving", "monitoring"}) {
            registry.add("gyre.services." + service, () -> url);
        }
    }

    @AfterAll
    static void stop() {
        DATA.stop(0);
    }

    @Test
    void forwardsTheStartOfAnUploadBeforeTheClientHasSentTheRest() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/datasets/big/versions"))
                .header("Authorization", "Bearer " + ADMIN_KEY)
                .header("Content-Type", "text/csv")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofInputStream(TwoParts::new))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).isEqualTo(String.valueOf(2L * PART));
    }

    /**
     * {@code PART} bytes, then waits until the service has received at least half of them (the rest may sit in
     * socket and codec buffers on the way), then {@code PART} more.
     */
    private static final class TwoParts extends InputStream {
        private long sent;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (sent == 2L * PART) {
                return -1;
            }
            if (sent == PART) {
                awaitFirstPartAtTheService();
            }
            int n = (int) Math.min(length, (sent < PART ? PART : 2L * PART) - sent);
            Arrays.fill(buffer, offset, offset + n, (byte) 'x');
            sent += n;
            return n;
        }

        private static void awaitFirstPartAtTheService() throws IOException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (RECEIVED.get() < PART / 2) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the service received " + RECEIVED.get() + " of the first " + PART
                            + " bytes in 20 s (half was expected): the gateway is holding the body back");
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }
    }

    private static HttpServer dataService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", StreamingUploadTests::answer);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        long count = 0;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[64 << 10];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                count += n;
                RECEIVED.addAndGet(n);
            }
        }
        byte[] reply = (exchange.getRequestURI().getPath().startsWith("/actuator") ? "{\"status\":\"UP\"}"
                : String.valueOf(count)).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(exchange.getRequestURI().getPath().startsWith("/actuator") ? 200 : 201, reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }
}
