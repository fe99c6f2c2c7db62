package dev.gyre.core.blob;

/** Stored content no longer matches the digest it was stored under. */
public class BlobCorruptedException extends RuntimeException {
    public BlobCorruptedException(String message) {
        super(message);
    }
}
