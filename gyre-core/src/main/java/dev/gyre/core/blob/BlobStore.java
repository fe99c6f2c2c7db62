package dev.gyre.core.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A content-addressed store of immutable blobs: a blob's key is the lowercase hex SHA-256 of its content, so
 * storing the same content twice yields the same key and stores it once. Every implementation streams: none holds
 * a whole blob in the heap, whatever its size.
 */
public interface BlobStore {
    /**
     * Reads {@code content} to its end (without closing it), storing it under its SHA-256 unless that key is
     * stored already. Idempotent; a failure part-way leaves nothing under the key.
     */
    StoredBlob put(InputStream content);

    /**
     * Opens the blob stored under {@code sha256}, or empty if there is none. The stream checks the digest as it is
     * read: reaching its end over content that no longer hashes to {@code sha256} throws
     * {@link BlobCorruptedException} instead of answering end-of-stream. The caller closes it.
     */
    Optional<InputStream> open(String sha256);

    /** Whether content is stored under {@code sha256}. */
    boolean exists(String sha256);

    /** Removes the blob under {@code sha256}; nothing happens when there is none. */
    void delete(String sha256);

    /** Every stored blob, in no particular order, for the sweep that removes blobs nothing references. */
    void forEach(Consumer<StoredBlob> action);

    /** Stores a local file (left where it is). */
    default StoredBlob put(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return put(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores small content already in memory and returns its key. */
    default String put(byte[] content) {
        return put(new ByteArrayInputStream(content)).key();
    }

    /**
     * The whole content of a blob the caller knows to be small (a model bundle under its size limit), checked
     * against its digest; large content is read through {@link #open}.
     */
    default Optional<byte[]> get(String sha256) {
        return open(sha256).map(in -> {
            try (in) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
