package dev.gyre.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays monitoring-service: captures every {@code POST /api/v1/predictions} batch. It can answer late
 * ({@link #delayMillis}) or stop listening altogether ({@link #stop}, then {@link #start} on the same port).
 */
public final class MonitoringStub {
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<JsonNode> batches = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final int port;
    private volatile long delayMillis;
    private HttpServer server;

    MonitoringStub() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = bind(0);
        port = server.getAddress().getPort();
    }

    private HttpServer bind(int port) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            created.setExecutor(executor);
            created.createContext("/api/v1/predictions", this::handle);
            created.start();
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Every batch received, as JSON ({@code {predictions:[...]}}). */
    public List<JsonNode> batches() {
        return batches;
    }

    public void delayMillis(long millis) {
        this.delayMillis = millis;
    }

    public synchronized void stop() {
        server.stop(0);
    }

    public synchronized void start() {
        server = bind(port);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            JsonNode batch = json.readTree(exchange.getRequestBody().readAllBytes());
            batches.add(batch);
            int n = batch.get("predictions").size();
            byte[] body = ("{\"received\":" + n + ",\"stored\":" + n + "}").getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
