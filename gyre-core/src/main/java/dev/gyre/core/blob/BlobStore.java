package dev.gyre.core.blob;

import java.util.Optional;

/**
 * A content-addressed store: content goes in once under its SHA-256 and comes out checked
 * against it. Dataset files and model bundles live here.
 */
public interface BlobStore {

    /** Stores {@code content} (a no-op if it is already there) and returns its lowercase hex SHA-256. */
    String put(byte[] content);

    /** The content stored under {@code sha256}; throws {@link BlobCorruptedException} if it no longer matches. */
    Optional<byte[]> get(String sha256);

    boolean exists(String sha256);
}
