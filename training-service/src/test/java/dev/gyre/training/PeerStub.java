package dev.gyre.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gyre.api.data.ColumnSpec;
import dev.gyre.api.data.DatasetVersionResponse;
import dev.gyre.api.data.ValidationReport;
import dev.gyre.api.registry.ModelVersionResponse;
import dev.gyre.api.registry.RegisterModelRequest;
import dev.gyre.core.bundle.ModelBundles;
import tools.jackson.databind.json.JsonMapper;

/**
 * data-service and registry-service as one local HTTP server: dataset {@code penguins} version 1 (VALID,
 * the real CSV), {@code broken} version 1 (INVALID); 404 problems for anything else. Registrations of
 * model versions are captured; model {@code locked} is refused with 409.
 */
public final class PeerStub {
    public static final byte[] PENGUINS_CSV = read(Path.of(System.getProperty("basedir", "."), "../datasets/penguins.csv"));
    public static final List<ColumnSpec> PENGUIN_COLUMNS = List.of(
            new ColumnSpec("Species", "categorical", false),
            new ColumnSpec("Island", "categorical", false),
            new ColumnSpec("Beak Length (mm)", "numeric", true),
            new ColumnSpec("Beak Depth (mm)", "numeric", true),
            new ColumnSpec("Flipper Length (mm)", "numeric", true),
            new ColumnSpec("Body Mass (g)", "numeric", true),
            new ColumnSpec("Sex", "categorical", true));
    private static final Pattern VERSION = Pattern.compile("/api/v1/datasets/([^/]+)/versions/(\\d+)(/content)?");
    private static final Pattern REGISTER = Pattern.compile("/api/v1/models/([^/]+)/versions");

    /** A registration as the stub received it. */
    public record Registration(String model, int version, byte[] bundle, String bundleFilename, String sha256,
                               RegisterModelRequest metadata) {
    }

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> versions = new ConcurrentHashMap<>();

    public PeerStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/api/v1/datasets/", this::dataset);
        server.createContext("/api/v1/models/", this::register);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }

    public List<Registration> registrations() {
        return registrations;
    }

    private void dataset(HttpExchange exchange) throws IOException {
        Matcher m = VERSION.matcher(exchange.getRequestURI().getPath());
        if (!"GET".equals(exchange.getRequestMethod()) || !m.matches()) {
            problem(exchange, 404, "no such resource " + exchange.getRequestURI());
            return;
        }
        String name = m.group(1);
        int version = Integer.parseInt(m.group(2));
        boolean content = m.group(3) != null;
        String status = switch (name) {
            case "penguins" -> "VALID";
            case "broken" -> "INVALID";
            default -> null;
        };
        if (status == null || version != 1) {
            problem(exchange, 404, "dataset '" + name + "' has no version " + version);
            return;
        }
        if (content) {
            send(exchange, 200, "text/csv", PENGUINS_CSV);
            return;
        }
        DatasetVersionResponse response = new DatasetVersionResponse(name, 1, "sha256:" + ModelBundles.sha256(PENGUINS_CSV),
                344, PENGUIN_COLUMNS, status, new ValidationReport("VALID".equals(status), List.of()), null,
                Instant.parse("2026-01-01T00:00:00Z"));
        send(exchange, 200, "application/json", json.writeValueAsBytes(response));
    }

    private void register(HttpExchange exchange) throws IOException {
        Matcher m = REGISTER.matcher(exchange.getRequestURI().getPath());
        if (!"POST".equals(exchange.getRequestMethod()) || !m.matches()) {
            problem(exchange, 404, "no such resource " + exchange.getRequestURI());
            return;
        }
        String model = m.group(1);
        if (model.equals("locked")) {
            problem(exchange, 409, "model 'locked' accepts no new versions");
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Map<String, Part> parts = multipart(exchange.getRequestBody().readAllBytes(), contentType);
        Part bundle = parts.get("bundle");
        Part metadata = parts.get("metadata");
        if (bundle == null || metadata == null) {
            problem(exchange, 400, "multipart parts 'bundle' and 'metadata' are required, got " + parts.keySet());
            return;
        }
        RegisterModelRequest request = json.readValue(metadata.content(), RegisterModelRequest.class);
        int version = versions.computeIfAbsent(model, k -> new AtomicInteger()).incrementAndGet();
        String sha256 = ModelBundles.sha256(bundle.content());
        registrations.add(new Registration(model, version, bundle.content(), bundle.filename(), sha256, request));
        ModelVersionResponse response = new ModelVersionResponse(model, version, sha256, bundle.content().length,
                "ACTIVE", request.alias() == null ? List.of() : List.of(request.alias()), request.metrics(), Map.of(),
                request.lineage(), Instant.now());
        send(exchange, 201, "application/json", json.writeValueAsBytes(response));
    }

    private record Part(String filename, String contentType, byte[] content) {
    }

    private static Map<String, Part> multipart(byte[] body, String contentType) {
        Matcher b = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType == null ? "" : contentType);
        if (!b.find()) {
            return Map.of();
        }
        byte[] delimiter = ("--" + b.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        byte[] next = ("\r\n--" + b.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Part> parts = new LinkedHashMap<>();
        int pos = indexOf(body, delimiter, 0);
        while (pos >= 0) {
            int start = pos + delimiter.length;
            if (start + 1 >= body.length || (body[start] == '-' && body[start + 1] == '-')) {
                break;
            }
            start += 2;
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            String headers = new String(body, start, headerEnd - start, StandardCharsets.UTF_8);
            int contentStart = headerEnd + 4;
            int end = indexOf(body, next, contentStart);
            String name = group(headers, "name=\"([^\"]*)\"");
            parts.put(name, new Part(group(headers, "filename=\"([^\"]*)\""), group(headers, "(?i)content-type: *([^\r\n]+)"),
                    Arrays.copyOfRange(body, contentStart, end)));
            pos = end + 2;
        }
        return parts;
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void problem(HttpExchange exchange, int status, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://gyre.dev/problems/" + (status == 404 ? "not-found" : "conflict"));
        body.put("status", status);
        body.put("detail", detail);
        send(exchange, status, "application/problem+json", json.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
