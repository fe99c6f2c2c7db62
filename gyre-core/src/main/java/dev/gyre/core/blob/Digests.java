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

    /**
     * Wraps {@code in} to learn the SHA-256 and size of what passes through ({@link DigestingInputStream#sha256Hex}
     * once it has been read to its end).
     */
    public static DigestingInputStream digesting(InputStream in) {
        return new DigestingInputStream(in, sha256(), null);
    }

    /**
     * Wraps a blob's stored content so that reaching its end checks it against {@code sha256}: end-of-stream over
     * content with another digest throws {@link BlobCorruptedException}.
     */
    public static DigestingInputStream verifying(InputStream in, String sha256) {
        return new DigestingInputStream(in, sha256(), requireSha256Hex(sha256));
    }

    /**
     * For {@link BlobStore} implementations: {@code key} itself if it is a well-formed blob key (64 lowercase hex
     * digits), so that it is safe in a path or an object name.
     *
     * @throws IllegalArgumentException if it is not
     */
    public static String requireSha256Hex(String key) {
        if (!isSha256Hex(key)) {
            String shown = key == null ? "null"
                    : "\"" + (key.length() > 80 ? key.substring(0, 80) + "\"..." : key + "\"");
            throw new IllegalArgumentException("not a blob key (64 lowercase hex digits of a SHA-256): " + shown);
        }
        return key;
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
