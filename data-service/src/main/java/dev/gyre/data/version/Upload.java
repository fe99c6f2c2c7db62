package dev.gyre.data.version;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.core.blob.DigestingInputStream;
import dev.gyre.core.blob.Digests;

/**
 * Ingested bytes spooled to a local file, hashed on the way: the SHA-256 is the version's identity, the file what
 * the engine reads. Closing deletes the file.
 */
public record Upload(Path file, String sha256, long size) implements AutoCloseable {

    /**
     * Spools {@code body} into {@code file}, refusing more than {@code maxBytes} with a 413 problem on {@code field};
     * the file is deleted when that or anything else fails.
     */
    static Upload spool(InputStream body, Path file, long maxBytes, String field) {
        try (DigestingInputStream in = Digests.digesting(body); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[256 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                if (in.size() > maxBytes) {
                    throw Problems.of(ProblemCode.UPLOAD_TOO_LARGE, "The upload is larger than "
                            + maxBytes + " bytes (gyre.data.ingest.max-upload)", Map.of("field", field));
                }
            }
            return new Upload(file, in.sha256Hex(), in.size());
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("the upload could not be stored", io);
            }
            throw (RuntimeException) e;
        }
    }

    /** A file already written (a URL download), hashed; deleted if that fails. */
    public static Upload of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String sha256 = Digests.sha256Hex(in);
            return new Upload(file, sha256, Files.size(file));
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException("the download could not be read back", e);
        }
    }

    @Override
    public void close() {
        deleteQuietly(file);
    }

    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file left behind is swept with the temp directory
        }
    }
}
