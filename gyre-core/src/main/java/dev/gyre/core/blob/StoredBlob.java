package dev.gyre.core.blob;

import java.time.Instant;

/** A blob in a {@link BlobStore}: its key (the lowercase hex SHA-256), its size in bytes and when it was stored. */
public record StoredBlob(String key, long size, Instant storedAt) {
}
