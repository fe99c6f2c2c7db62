package dev.gyre.core.bundle;

/** A model bundle that cannot be trusted or read: wrong digest, altered or missing entry, bad content. */
public class BundleIntegrityException extends RuntimeException {
    public BundleIntegrityException(String message) {
        super(message);
    }

    public BundleIntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
