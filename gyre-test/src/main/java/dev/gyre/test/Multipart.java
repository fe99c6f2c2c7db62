package dev.gyre.test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A {@code multipart/form-data} body built part by part, for {@link HttpTestClient#post(String, String, byte[])}. */
public final class Multipart {
    private final String boundary = "gyre" + UUID.randomUUID().toString().replace("-", "");
    private final ByteArrayOutputStream parts = new ByteArrayOutputStream();

    /** A file part: {@code name}, {@code filename} and the content's type. */
    public Multipart file(String name, String filename, String contentType, byte[] content) {
        return part("form-data; name=\"" + name + "\"; filename=\"" + filename + "\"", contentType, content);
    }

    /** A plain part, {@code content} as UTF-8. */
    public Multipart part(String name, String contentType, String content) {
        return part("form-data; name=\"" + name + "\"", contentType, content.getBytes(StandardCharsets.UTF_8));
    }

    private Multipart part(String disposition, String contentType, byte[] content) {
        parts.writeBytes(("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\nContent-Type: "
                + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        parts.writeBytes(content);
        parts.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The parts written so far and the closing delimiter. */
    public byte[] bytes() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(parts.toByteArray());
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
