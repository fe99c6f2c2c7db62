package dev.gyre.core.bundle;

/** A bundle that inflates past its {@link BundleLimits}: a zip bomb, or a model larger than this service takes. */
public class BundleTooLargeException extends BundleIntegrityException {
    private final long limit;

    public BundleTooLargeException(String message, long limit) {
        super(message);
        this.limit = limit;
    }

    /** The limit that was passed (bytes, or the ratio rounded down). */
    public long limit() {
        return limit;
    }
}
