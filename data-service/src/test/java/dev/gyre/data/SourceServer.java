package dev.gyre.data;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A URL source played in a test where {@link dev.gyre.test.StubServer} cannot: redirects (a Location header),
 * a body that never ends and one that trickles. A JDK {@link HttpServer} on 127.0.0.1 and a free port; every
 * request is recorded as "METHOD path".
 */
public final class SourceServer implements AutoCloseable {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** Writes the whole answer to the exchange. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    public SourceServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.start();
    }

    public SourceServer on(String path, Handler handler) {
        server.createContext(path, exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            try (exchange) {
                handler.handle(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client went away, as it should from an endless or trickling body
            }
        });
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public List<String> requests() {
        return requests;
    }

    public static Handler csv(byte[] body) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/csv");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        };
    }

    public static Handler redirect(int status, String location) {
        return exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(status, -1);
        };
    }

    /** A valid CSV that never ends: rows in 64 KB chunks until the client closes the connection. */
    public static Handler endless() {
        byte[] chunk = new byte[64 * 1024];
        byte[] row = "1,2\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = row[i % row.length];
        }
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/csv");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("a,b\n".getBytes(StandardCharsets.US_ASCII));
            while (!Thread.currentThread().isInterrupted()) {
                out.write(chunk);
            }
        };
    }

    /** Declares {@code length} bytes and sends none. */
    public static Handler declares(long length) {
        return exchange -> {
            exchange.sendResponseHeaders(200, length);
            exchange.getResponseBody().flush();
            Thread.sleep(Duration.ofSeconds(10).toMillis());
        };
    }

    /** A CSV sent one byte per {@code every}, for two minutes at most. */
    public static Handler trickle(Duration every) {
        byte[] body = ("a\n" + "1\n".repeat(60)).getBytes(StandardCharsets.US_ASCII);
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/csv");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (byte b : Arrays.copyOf(body, body.length)) {
                out.write(b);
                out.flush();
                Thread.sleep(every.toMillis());
            }
        };
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
