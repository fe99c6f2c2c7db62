package dev.gyre.boot.blob;

import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.gyre.core.blob.BlobStore;
import dev.gyre.core.blob.FileBlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Makes the configured {@link BlobStore} and readies it: for {@code postgres} the blob store's own migrations
 * ({@link BlobStoreSchema}), for the others the move of what the former bytea table still holds
 * ({@link LegacyBlobMove}). Call it after the service's own migrations.
 */
public final class BlobStores {
    private BlobStores() {
    }

    /**
     * @param dataSource the service's database, asked for only when needed (postgres store, or rows to move); null
     *                   when the service has none
     */
    public static BlobStore create(BlobStoreProperties properties, Supplier<DataSource> dataSource) {
        return switch (properties.type()) {
            case POSTGRES -> {
                DataSource database = required(dataSource, "gyre.blob-store.type=postgres keeps blobs in the"
                        + " service's database, but the service has no DataSource");
                BlobStoreSchema.migrate(database);
                yield new JdbcBlobStore(database);
            }
            case FILESYSTEM -> moveLegacy(new FileBlobStore(properties.directory()), dataSource);
            case S3 -> moveLegacy(s3(properties.s3()), dataSource);
        };
    }

    static S3BlobStore s3(BlobStoreProperties.S3 settings) {
        return new S3BlobStore(s3Client(settings), settings.bucket(), settings.prefix(), settings.spool());
    }

    static S3Client s3Client(BlobStoreProperties.S3 settings) {
        S3ClientBuilder client = S3Client.builder()
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                // the store checks every blob's SHA-256 itself; the SDK's default CRC trailers (aws-chunked
                // uploads) are not understood by every S3-compatible server
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(settings.accessKey() != null
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(),
                        settings.secretKey()))
                        : DefaultCredentialsProvider.builder().build());
        if (settings.endpoint() != null) {
            client.endpointOverride(settings.endpoint());
        }
        return client.build();
    }

    private static BlobStore moveLegacy(BlobStore store, Supplier<DataSource> dataSource) {
        DataSource database = dataSource.get();
        if (database != null) {
            new LegacyBlobMove(database).into(store);
        }
        return store;
    }

    private static DataSource required(Supplier<DataSource> dataSource, String message) {
        DataSource database = dataSource.get();
        if (database == null) {
            throw new IllegalStateException(message);
        }
        return database;
    }
}
