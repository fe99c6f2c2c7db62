package dev.gyre.core.blob;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Passes a stream through while computing its SHA-256 and counting its bytes; made by {@link Digests#digesting}
 * (for a store's {@code put}, to learn the key) and {@link Digests#verifying} (for {@code open}: end-of-stream over
 * content that does not hash to the expected key throws {@link BlobCorruptedException}). Closing it closes the
 * wrapped stream. Mark/reset are not supported (they would digest bytes twice).
 */
public final class DigestingInputStream extends InputStream {
    private final InputStream in;
    private final MessageDigest digest;
    private final String expected;
    private long size;
    private String sha256;

    DigestingInputStream(InputStream in, MessageDigest digest, String expected) {
        this.in = in;
        this.digest = digest;
        this.expected = expected;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            return atEnd();
        }
        digest.update((byte) b);
        size++;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int n = in.read(buffer, offset, length);
        if (n < 0) {
            return atEnd();
        }
        digest.update(buffer, offset, n);
        size += n;
        return n;
    }

    // skip() is InputStream's, which reads through read(byte[], int, int): skipped bytes are digested too.

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private int atEnd() {
        if (sha256 == null) {
            sha256 = HexFormat.of().formatHex(digest.digest());
        }
        if (expected != null && !expected.equals(sha256)) {
            throw new BlobCorruptedException(expected, sha256);
        }
        return -1;
    }

    /** Whether the wrapped stream has been read to its end (and, when verifying, found to match). */
    public boolean finished() {
        return sha256 != null && (expected == null || expected.equals(sha256));
    }

    /** The bytes read so far. */
    public long size() {
        return size;
    }

    /**
     * The lowercase hex SHA-256 of everything read.
     *
     * @throws IllegalStateException if the stream has not been read to its end
     */
    public String sha256Hex() {
        if (sha256 == null) {
            throw new IllegalStateException("the digest is known only once the stream has been read to its end ("
                    + size + " bytes read so far)");
        }
        return sha256;
    }
}
