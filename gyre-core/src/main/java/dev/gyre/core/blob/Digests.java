package dev.gyre.core.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SHA-256 digests as lowercase hex strings, the keys of a {@link BlobStore} and the digests of datasets and model
 * bundles: the only digest code in Gyre.
 */
public final class Digests {
    /** The optional prefix of a recorded digest ({@code sha256:<hex>}). */
    public static final String PREFIX = "sha256:";
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
     * A recorded digest as {@link #sha256Hex} writes it: stripped, lower case, without the {@link #PREFIX};
     * {@code null} becomes the empty string (which no content matches).
     */
    public static String normalize(String recorded) {
        String hex = recorded == null ? "" : recorded.strip().toLowerCase(Locale.ROOT);
        return hex.startsWith(PREFIX) ? hex.substring(PREFIX.length()) : hex;
    }

    /** Whether {@code content} hashes to {@code recorded} (any case, optional {@link #PREFIX}), in constant time. */
    public static boolean matches(String recorded, byte[] content) {
        return MessageDigest.isEqual(sha256Hex(content).getBytes(StandardCharsets.US_ASCII),
                normalize(recorded).getBytes(StandardCharsets.US_ASCII));
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
