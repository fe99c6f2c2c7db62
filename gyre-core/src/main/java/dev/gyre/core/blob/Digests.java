package dev.gyre.core.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 digests as lowercase hex strings, the keys of a {@link BlobStore}. */
public final class Digests {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private Digests() {
    }

    /** Lowercase hex SHA-256 of {@code content}. */
    public static String sha256Hex(byte[] content) {
        return HexFormat.of().formatHex(sha256().digest(content));
    }

    /** Lowercase hex SHA-256 of everything left in {@code in}; the stream is read to its end but not closed. */
    public static String sha256Hex(InputStream in) {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Whether {@code key} is a well-formed lowercase hex SHA-256 (64 hex digits). */
    public static boolean isSha256Hex(String key) {
        return key != null && SHA256_HEX.matcher(key).matches();
    }

    /**
     * For {@link BlobStore} implementations: checks that {@code content} hashes to {@code sha256}.
     *
     * @return {@code content}
     * @throws BlobCorruptedException if it does not
     */
    public static byte[] verify(String sha256, byte[] content) {
        String actual = sha256Hex(content);
        if (!actual.equals(sha256)) {
            throw new BlobCorruptedException(sha256, actual);
        }
        return content;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-256", e);
        }
    }
}
