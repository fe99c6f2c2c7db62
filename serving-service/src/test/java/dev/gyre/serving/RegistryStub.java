package dev.gyre.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gyre.api.registry.ModelLineage;
import dev.gyre.api.registry.ModelVersionResponse;
import dev.gyre.core.bundle.ModelBundles;
import tools.jackson.databind.json.JsonMapper;

/** Plays registry-service: versions with real bundles and the sha256 recorded for them, and aliases. */
public final class RegistryStub {
    private static final Pattern ALIAS = Pattern.compile("/api/v1/models/([^/]+)/aliases/([^/]+)");
    private static final Pattern VERSION = Pattern.compile("/api/v1/models/([^/]+)/versions/(\\d+)");
    private static final Pattern BUNDLE = Pattern.compile("/api/v1/models/([^/]+)/versions/(\\d+)/bundle");

    private record Stored(byte[] bytes, String recordedSha256) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Stored> versions = new ConcurrentHashMap<>();
    private final Map<String, Integer> aliases = new ConcurrentHashMap<>();
    private final int port;
    private HttpServer server;

    RegistryStub() {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // else ~40 ms per answer
        server = bind(0);
        port = server.getAddress().getPort();
    }

    private HttpServer bind(int port) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            created.setExecutor(Executors.newCachedThreadPool());
            created.createContext("/", this::handle);
            created.start();
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Listens again on the same port after {@link #stop}. */
    public synchronized void start() {
        server = bind(port);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Registers a version whose recorded digest is that of its bytes. */
    void register(String model, int version, byte[] bundle) {
        register(model, version, bundle, ModelBundles.sha256(bundle));
    }

    void register(String model, int version, byte[] bundle, String recordedSha256) {
        versions.put(model + "/" + version, new Stored(bundle, recordedSha256));
    }

    public void alias(String model, String alias, int version) {
        aliases.put(model + "@" + alias, version);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Matcher m;
            if ((m = BUNDLE.matcher(path)).matches()) {
                Stored stored = versions.get(m.group(1) + "/" + m.group(2));
                if (stored == null) {
                    notFound(exchange, "model version " + m.group(1) + "/" + m.group(2));
                    return;
                }
                exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                exchange.sendResponseHeaders(200, stored.bytes().length);
                exchange.getResponseBody().write(stored.bytes());
            } else if ((m = VERSION.matcher(path)).matches()) {
                answerVersion(exchange, m.group(1), Integer.parseInt(m.group(2)));
            } else if ((m = ALIAS.matcher(path)).matches()) {
                Integer version = aliases.get(m.group(1) + "@" + m.group(2));
                if (version == null) {
                    notFound(exchange, "alias " + m.group(1) + "@" + m.group(2));
                    return;
                }
                answerVersion(exchange, m.group(1), version);
            } else {
                notFound(exchange, path);
            }
        }
    }

    private void answerVersion(HttpExchange exchange, String model, int version) throws IOException {
        Stored stored = versions.get(model + "/" + version);
        if (stored == null) {
            notFound(exchange, "model version " + model + "/" + version);
            return;
        }
        List<String> pointing = aliases.entrySet().stream()
                .filter(e -> e.getKey().startsWith(model + "@") && e.getValue() == version)
                .map(e -> e.getKey().substring(model.length() + 1)).toList();
        var response = new ModelVersionResponse(model, version, stored.recordedSha256(), stored.bytes().length,
                "ACTIVE", pointing, Map.of("accuracy", 0.97), Map.of("task", "classification"),
                new ModelLineage("penguins", 1, null, null, null, "logistic-regression", "test"), Instant.now());
        send(exchange, 200, "application/json", json.writeValueAsBytes(response));
    }

    private void notFound(HttpExchange exchange, String what) throws IOException {
        String body = "{\"type\":\"https://gyre.dev/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
                + "\"detail\":\"" + what + " does not exist\",\"code\":\"not-found\"}";
        send(exchange, 404, "application/problem+json", body.getBytes());
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    public synchronized void stop() {
        server.stop(0);
    }
}
