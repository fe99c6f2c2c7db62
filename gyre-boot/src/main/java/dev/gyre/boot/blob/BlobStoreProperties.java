package dev.gyre.boot.blob;

import java.net.URI;
import java.nio.file.Path;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gyre.blob-store.*}: where a service keeps its blobs.
 *
 * @param enabled   whether the service has a blob store at all
 * @param type      {@code postgres} (large objects in the service's own database, the default), {@code filesystem}
 *                  or {@code s3}
 * @param directory the root directory of the {@code filesystem} store
 * @param s3        the bucket of the {@code s3} store
 */
@Validated
@ConfigurationProperties("gyre.blob-store")
public record BlobStoreProperties(boolean enabled, @NotNull @DefaultValue("postgres") Type type, Path directory,
                                  @Valid @DefaultValue S3 s3) {

    public enum Type { POSTGRES, FILESYSTEM, S3 }

    /**
     * @param bucket         the bucket (it must exist)
     * @param prefix         prepended to every object name, e.g. {@code data-service/} (none by default)
     * @param endpoint       another S3-compatible server (MinIO, s3proxy); AWS's own endpoint by default
     * @param region         the bucket's region
     * @param accessKey      with {@code secretKey}: static credentials; without, the SDK's default chain (environment,
     *                       profile, instance role)
     * @param secretKey      see {@code accessKey}
     * @param pathStyle      {@code http://host/bucket/key} instead of {@code http://bucket.host/key} (MinIO wants it)
     * @param spoolDirectory where content waits, while it is digested, before its upload
     */
    public record S3(String bucket, String prefix, URI endpoint, @DefaultValue("us-east-1") String region,
                     String accessKey, String secretKey, boolean pathStyle, Path spoolDirectory) {

        @AssertTrue(message = "set both gyre.blob-store.s3.access-key and gyre.blob-store.s3.secret-key, or neither")
        boolean isCredentialsComplete() {
            return (accessKey == null) == (secretKey == null);
        }

        /** The spool directory, by default {@code <java.io.tmpdir>/gyre-blob-spool}. */
        public Path spool() {
            return spoolDirectory != null ? spoolDirectory
                    : Path.of(System.getProperty("java.io.tmpdir"), "gyre-blob-spool");
        }
    }

    @AssertTrue(message = "gyre.blob-store.type=filesystem needs gyre.blob-store.directory (environment:"
            + " GYRE_BLOBSTORE_DIRECTORY), the directory the blobs are kept in")
    boolean isDirectorySetForFilesystem() {
        return type != Type.FILESYSTEM || directory != null;
    }

    @AssertTrue(message = "gyre.blob-store.type=s3 needs gyre.blob-store.s3.bucket"
            + " (environment: GYRE_BLOBSTORE_S3_BUCKET)")
    boolean isBucketSetForS3() {
        return type != Type.S3 || s3.bucket() != null && !s3.bucket().isBlank();
    }
}
