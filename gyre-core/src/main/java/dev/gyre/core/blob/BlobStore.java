package dev.gyre.core.blob;

import java.util.Optional;

/**
 * A content-addressed store of immutable byte blobs: a blob's key is the lowercase hex SHA-256 of its
 * content, so storing the same content twice yields the same key and stores it once.
 */
public interface BlobStore {
    /** Stores {@code content} if not yet stored and returns its key, the lowercase hex SHA-256. Idempotent. */
    String put(byte[] content);

    /**
     * The content stored under {@code sha256}, or empty if there is none.
     *
     * @throws BlobCorruptedException if the stored bytes no longer hash to {@code sha256}
     */
    Optional<byte[]> get(String sha256);

    /** Whether content is stored under {@code sha256}. */
    boolean exists(String sha256);
}
