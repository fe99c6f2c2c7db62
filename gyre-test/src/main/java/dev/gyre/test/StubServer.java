package dev.gyre.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A peer service played in a test: a JDK {@link HttpServer} on 127.0.0.1 and a free port, with handlers registered
 * per path (a prefix, as the server's contexts are) and every request captured. It can stop listening and listen
 * again on the same port, as a peer that goes down and comes back. Use it as it is, or extend it to give the peer
 * its state.
 */
public class StubServer implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // else ~40 ms per answer
    }

    /** Answers one request. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(Request request) throws IOException;
    }

    /** A request as the stub received it, body read whole. */
    public record Request(String method, URI uri, Headers headers, byte[] body) {
        public String path() {
            return uri.getPath();
        }

        public String header(String name) {
            return headers.getFirst(name);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** An answer: status, Content-Type (none when null) and body. */
    public record Reply(int status, String contentType, byte[] body) {
        private static final Reply NO_ANSWER = new Reply(0, null, new byte[0]);

        public static Reply bytes(int status, String contentType, byte[] body) {
            return new Reply(status, contentType, body);
        }

        /** {@code body} written as JSON. */
        public static Reply json(int status, Object body) {
            return new Reply(status, "application/json", JSON.writeValueAsBytes(body));
        }

        /** A status without a body. */
        public static Reply status(int status) {
            return new Reply(status, null, new byte[0]);
        }

        /** A Gyre problem, as the services answer errors: type, status, code and detail. */
        public static Reply problem(int status, String code, String detail) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "https://gyre.dev/problems/" + code);
            body.put("status", status);
            body.put("code", code);
            body.put("detail", detail);
            return new Reply(status, "application/problem+json", JSON.writeValueAsBytes(body));
        }

        /** No answer at all: the connection is closed without a status line, as a crashed peer would. */
        public static Reply noAnswer() {
            return NO_ANSWER;
        }
    }

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Handler> handlers = new LinkedHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final int port;
    private HttpServer server;

    /** Listens at once, on a free port. */
    public StubServer() {
        server = bind(0);
        port = server.getAddress().getPort();
        server.start();
    }

    /** Answers requests whose path starts with {@code path} with {@code handler}. */
    public final synchronized StubServer on(String path, Handler handler) {
        handlers.put(path, handler);
        server.createContext(path, exchange -> serve(handler, exchange));
        return this;
    }

    public final String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Every request received so far, oldest first. */
    public final List<Request> requests() {
        return requests;
    }

    /** Stops listening; {@link #start} listens again on the same port. */
    public final synchronized void stop() {
        server.stop(0);
    }

    /** Listens again, on the same port and with the same handlers, after {@link #stop}. */
    public final synchronized void start() {
        server = bind(port);
        handlers.forEach((path, handler) -> server.createContext(path, exchange -> serve(handler, exchange)));
        server.start();
    }

    @Override
    public final synchronized void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private HttpServer bind(int port) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            created.setExecutor(executor);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serve(Handler handler, HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI(),
                    exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes());
            requests.add(request);
            Reply reply = handler.handle(request);
            if (reply == Reply.NO_ANSWER) {
                return;
            }
            if (reply.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            }
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            exchange.getResponseBody().write(reply.body());
        }
    }
}
