package dev.gyre.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 over a plain socket to the loopback address, for requests no well-behaved client would send: a request
 * target written byte for byte ({@code /api/v1/datasets/a%2Fb}, {@code %00}, {@code %FF%FE}), a multipart body cut
 * short. The request is sent with {@code Connection: close} and the whole answer read (chunked bodies decoded).
 */
public final class RawHttp {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** A request with no body; {@code target} goes on the request line exactly as given. */
    public Answer send(String method, String target) {
        return send(method, target, Map.of(), new byte[0]);
    }

    /** A request with these headers and body; Host, Content-Length and Connection are added. */
    public Answer send(String method, String target, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body.length > 0 || !method.equals("GET")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("Transfer-Encoding"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                out.write(in.readNBytes(size));
                line(in);
            }
            body = out.toByteArray();
        } else if (headers.containsKey("Content-Length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("Content-Length")));
        } else {
            body = in.readAllBytes();
        }
        return new Answer(status, headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** The status, the headers (names case-insensitive) and the body's bytes. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {

        public String contentType() {
            return headers.getOrDefault("Content-Type", "");
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body parsed as JSON. */
        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** True when this is an {@code application/problem+json} answer. */
        public boolean isProblem() {
            return contentType().toLowerCase(Locale.ROOT).startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + text();
        }
    }
}
