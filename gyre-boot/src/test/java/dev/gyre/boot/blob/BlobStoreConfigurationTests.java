package dev.gyre.boot.blob;

import java.nio.file.Path;

import dev.gyre.boot.GyreAutoConfiguration;
import dev.gyre.core.blob.BlobStore;
import dev.gyre.core.blob.FileBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gyre.blob-store.*} picks one store, and a setting the chosen store cannot do without stops the start. */
class BlobStoreConfigurationTests {
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GyreAutoConfiguration.class));

    @TempDir
    Path directory;

    @Test
    void noStoreUnlessEnabled() {
        context.withPropertyValues("gyre.blob-store.type=filesystem", "gyre.blob-store.directory=" + directory)
                .run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(BlobStore.class));
    }

    @Test
    void aDirectory() {
        context.withPropertyValues("gyre.blob-store.enabled=true", "gyre.blob-store.type=filesystem",
                        "gyre.blob-store.directory=" + directory.resolve("blobs"))
                .run(started -> {
                    assertThat(started).hasSingleBean(BlobStore.class);
                    assertThat(started.getBean(BlobStore.class)).isInstanceOf(FileBlobStore.class);
                    assertThat(directory.resolve("blobs").resolve("tmp")).isDirectory();
                });
    }

    @Test
    void aDirectoryMustBeNamed() {
        context.withPropertyValues("gyre.blob-store.enabled=true", "gyre.blob-store.type=FILESYSTEM")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("gyre.blob-store.type=filesystem needs gyre.blob-store.directory"));
    }

    @Test
    void anS3Bucket() {
        context.withPropertyValues("gyre.blob-store.enabled=true", "gyre.blob-store.type=s3",
                        "gyre.blob-store.s3.bucket=gyre", "gyre.blob-store.s3.endpoint=http://127.0.0.1:9",
                        "gyre.blob-store.s3.path-style=true", "gyre.blob-store.s3.access-key=a",
                        "gyre.blob-store.s3.secret-key=b", "gyre.blob-store.s3.spool-directory=" + directory)
                .run(started -> {
                    assertThat(started).hasSingleBean(BlobStore.class);
                    assertThat(started.getBean(BlobStore.class)).isInstanceOf(S3BlobStore.class);
                    assertThat(started.getBean(BlobStoreProperties.class).s3().spool()).isEqualTo(directory);
                });
    }

    @Test
    void anS3BucketMustBeNamed() {
        context.withPropertyValues("gyre.blob-store.enabled=true", "gyre.blob-store.type=s3")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("gyre.blob-store.type=s3 needs gyre.blob-store.s3.bucket"));
    }

    @Test
    void s3CredentialsComeInPairs() {
        context.withPropertyValues("gyre.blob-store.enabled=true", "gyre.blob-store.type=s3",
                        "gyre.blob-store.s3.bucket=gyre", "gyre.blob-store.s3.access-key=a")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("set both gyre.blob-store.s3.access-key and")
                        .hasMessageContaining("gyre.blob-store.s3.secret-key, or neither"));
    }

    @Test
    void postgresIsTheDefaultAndNeedsTheServicesDatabase() {
        context.withPropertyValues("gyre.blob-store.enabled=true")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("gyre.blob-store.type=postgres")
                        .hasMessageContaining("has no DataSource"));
    }
}
