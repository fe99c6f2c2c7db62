package dev.gyre.core.blob;

/** Stored content whose SHA-256 no longer matches the key it was stored under. */
public class BlobCorruptedException extends RuntimeException {
    private final String expected;
    private final String actual;

    public BlobCorruptedException(String expected, String actual) {
        super("blob " + expected + " is corrupted: its content hashes to " + actual);
        this.expected = expected;
        this.actual = actual;
    }

    /** The key the blob was requested by. */
    public String expected() {
        return expected;
    }

    /** The SHA-256 of the bytes actually stored. */
    public String actual() {
        return actual;
    }
}
