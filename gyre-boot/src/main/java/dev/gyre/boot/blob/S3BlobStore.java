package dev.gyre.boot.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import dev.gyre.core.blob.BlobStore;
import dev.gyre.core.blob.DigestingInputStream;
import dev.gyre.core.blob.Digests;
import dev.gyre.core.blob.StoredBlob;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A {@link BlobStore} in an S3 bucket (AWS, MinIO, any S3-compatible server): blob {@code k} is the object
 * {@code <prefix>k}. The key is known only once the content has been read, so {@code put} first spools the content
 * to a temporary file in the spool directory while digesting it, then uploads that file in one PUT (unless the
 * object exists already) and deletes it; S3 makes an object visible only once it is complete, so a failed put leaves
 * nothing under the key. One PUT bounds a blob at 5 GB (S3's single-upload limit). The store owns its client and
 * closes it on {@link #close}.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {
    private static final int BUFFER = 64 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final Path spool;

    /**
     * @param prefix prepended to every object name; a missing trailing {@code /} is added (blank for none)
     * @param spool  where {@code put} keeps content while it is digested; created if it does not exist
     */
    public S3BlobStore(S3Client s3, String bucket, String prefix, Path spool) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null || prefix.isBlank() ? "" : prefix.endsWith("/") ? prefix : prefix + "/";
        this.spool = spool;
        try {
            Files.createDirectories(spool);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the S3 blob store's spool directory " + spool, e);
        }
    }

    @Override
    public StoredBlob put(InputStream content) {
        Path temp = null;
        try {
            temp = Files.createTempFile(spool, "s3-put-", ".part");
            DigestingInputStream in = Digests.digesting(content);
            try (OutputStream out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[BUFFER];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                }
            }
            String key = in.sha256Hex();
            Optional<HeadObjectResponse> existing = head(key);
            if (existing.isPresent()) {
                return new StoredBlob(key, existing.get().contentLength(), existing.get().lastModified());
            }
            s3.putObject(b -> b.bucket(bucket).key(objectName(key)).contentLength(in.size())
                    .contentType("application/octet-stream"), RequestBody.fromFile(temp));
            return new StoredBlob(key, in.size(), Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException("could not spool a blob for S3 bucket " + bucket + " in " + spool + ": "
                    + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // a left-over spool file is never read again; nothing to report to the caller
                }
            }
        }
    }

    @Override
    public Optional<InputStream> open(String sha256) {
        String name = objectName(sha256);
        ResponseInputStream<GetObjectResponse> response;
        try {
            response = s3.getObject(b -> b.bucket(bucket).key(name));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
        return Optional.of(Digests.verifying(new AbortUnlessDrained(response), sha256));
    }

    @Override
    public boolean exists(String sha256) {
        return head(sha256).isPresent();
    }

    @Override
    public void delete(String sha256) {
        String name = objectName(sha256);
        s3.deleteObject(b -> b.bucket(bucket).key(name));
    }

    @Override
    public void forEach(Consumer<StoredBlob> action) {
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
            String key = object.key().substring(prefix.length());
            if (Digests.isSha256Hex(key)) {
                action.accept(new StoredBlob(key, object.size(), object.lastModified()));
            }
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    private Optional<HeadObjectResponse> head(String sha256) {
        String name = objectName(sha256);
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(name)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private String objectName(String sha256) {
        return prefix + Digests.requireSha256Hex(sha256);
    }

    /**
     * Closing an object stream before its end would make the HTTP client read the rest just to reuse the
     * connection; aborting drops the connection instead.
     */
    private static final class AbortUnlessDrained extends FilterInputStream {
        private final ResponseInputStream<?> response;
        private boolean drained;

        AbortUnlessDrained(ResponseInputStream<?> response) {
            super(response);
            this.response = response;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            drained |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            drained |= n < 0;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (!drained) {
                response.abort();
            }
            super.close();
        }
    }
}
