package dev.gyre.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gyre.api.data.ColumnSpec;
import dev.gyre.api.data.DatasetResponse;
import dev.gyre.api.data.DatasetVersionResponse;
import dev.gyre.api.data.ValidationReport;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays data-service: datasets with a label column and versions with columns and real CSV content. A request
 * for dataset {@code unreachable} gets its connection closed without an answer, as a crashed peer would.
 */
public final class DataStub {
    private static final Pattern DATASET = Pattern.compile("/api/v1/datasets/([^/]+)");
    private static final Pattern VERSION = Pattern.compile("/api/v1/datasets/([^/]+)/versions/(\\d+)");
    private static final Pattern CONTENT = Pattern.compile("/api/v1/datasets/([^/]+)/versions/(\\d+)/content");

    private record Version(List<ColumnSpec> columns, byte[] csv) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> labels = new ConcurrentHashMap<>();
    private final Map<String, Version> versions = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> contentReads = new ConcurrentHashMap<>();
    private final HttpServer server;

    DataStub() {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // else ~40 ms per answer
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }

    void dataset(String name, String labelColumn) {
        labels.put(name, labelColumn);
    }

    void version(String dataset, int version, List<ColumnSpec> columns, byte[] csv) {
        versions.put(dataset + "/" + version, new Version(columns, csv));
    }

    /** How many times the content of a version was downloaded. */
    public int contentReads(String dataset, int version) {
        return contentReads.getOrDefault(dataset + "/" + version, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/api/v1/datasets/unreachable")) {
                return; // closed without a status line
            }
            Matcher m;
            if ((m = CONTENT.matcher(path)).matches()) {
                String key = m.group(1) + "/" + m.group(2);
                Version v = versions.get(key);
                if (v == null) {
                    notFound(exchange, "dataset version " + key);
                    return;
                }
                contentReads.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                exchange.getResponseHeaders().add("Content-Type", "text/csv;charset=utf-8");
                exchange.sendResponseHeaders(200, v.csv().length);
                exchange.getResponseBody().write(v.csv());
            } else if ((m = VERSION.matcher(path)).matches()) {
                String key = m.group(1) + "/" + m.group(2);
                Version v = versions.get(key);
                if (v == null) {
                    notFound(exchange, "dataset version " + key);
                    return;
                }
                answer(exchange, new DatasetVersionResponse(m.group(1), Integer.parseInt(m.group(2)), "0".repeat(64),
                        v.csv().length, v.columns(), "VALID", new ValidationReport(true, List.of()), null,
                        Instant.parse("2026-01-01T00:00:00Z")));
            } else if ((m = DATASET.matcher(path)).matches() && labels.containsKey(m.group(1))) {
                answer(exchange, new DatasetResponse(m.group(1), null, labels.get(m.group(1)), null, 1,
                        Instant.parse("2026-01-01T00:00:00Z")));
            } else {
                notFound(exchange, path);
            }
        }
    }

    private void answer(HttpExchange exchange, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void notFound(HttpExchange exchange, String what) throws IOException {
        byte[] bytes = ("{\"type\":\"https://gyre.dev/problems/not-found\",\"status\":404,\"code\":\"not-found\","
                + "\"detail\":\"" + what + " does not exist\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(404, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
