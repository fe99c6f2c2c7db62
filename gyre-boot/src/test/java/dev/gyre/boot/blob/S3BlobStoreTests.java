package dev.gyre.boot.blob;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.gyre.core.blob.BlobStore;
import dev.gyre.test.BlobStoreContract;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract against a real S3-protocol server: s3proxy on a free local port, over jclouds' filesystem backend
 * (so a test can damage an object on disk behind the server's back), with signed requests. Each test gets a
 * bucket of its own; the store writes under the prefix {@value #PREFIX}.
 */
class S3BlobStoreTests extends BlobStoreContract {
    private static final String ACCESS_KEY = "gyre-test-access";
    private static final String SECRET_KEY = "gyre-test-secret";
    private static final String PREFIX = "blobs/";
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    @TempDir
    static Path backend;
    private static S3Proxy proxy;
    private static BlobStoreContext jclouds;

    @TempDir
    Path spool;
    private String bucket;
    private S3BlobStore store;
    private S3Client admin;

    @BeforeAll
    static void startS3Proxy() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", backend.toString());
        jclouds = ContextBuilder.newBuilder("filesystem").credentials("identity", "credential")
                .overrides(properties).build(BlobStoreContext.class);
        proxy = S3Proxy.builder()
                .blobStore(jclouds.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("s3proxy did not start within 30 s: " + proxy.getState());
            }
            Thread.sleep(10);
        }
    }

    @AfterAll
    static void stopS3Proxy() throws Exception {
        if (proxy != null) {
            proxy.stop();
        }
        if (jclouds != null) {
            jclouds.close();
        }
    }

    @BeforeEach
    void openBucket() {
        bucket = "gyre-test-" + BUCKETS.incrementAndGet();
        store = BlobStores.s3(settings(bucket));
        admin = BlobStores.s3Client(settings(bucket));
        admin.createBucket(b -> b.bucket(bucket));
    }

    @AfterEach
    void close() {
        store.close();
        admin.close();
    }

    private BlobStoreProperties.S3 settings(String bucket) {
        return new BlobStoreProperties.S3(bucket, PREFIX, URI.create("http://127.0.0.1:" + proxy.getPort()),
                "us-east-1", ACCESS_KEY, SECRET_KEY, true, spool);
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Override
    protected void corrupt(String key) throws IOException {
        flipMiddleByte(backend.resolve(bucket).resolve(PREFIX).resolve(key));
    }

    @Override
    protected void afterFailedPut() {
        assertThat(spoolFiles()).isZero();
    }

    @Test
    void keepsBlobsUnderThePrefixAndListsOnlyThem() {
        String key = store.put("under the prefix".getBytes());
        admin.putObject(b -> b.bucket(bucket).key(PREFIX + "README"), RequestBody.fromString("not a blob"));
        admin.putObject(b -> b.bucket(bucket).key("elsewhere/" + key), RequestBody.fromString("outside"));

        assertThat(admin.headObject(b -> b.bucket(bucket).key(PREFIX + key)).contentLength()).isEqualTo(16);
        assertThat(keys()).containsExactly(key);
        assertThat(spoolFiles()).isZero();
    }

    @Test
    void addsTheSlashAPrefixLacks() {
        try (S3BlobStore bare = new S3BlobStore(BlobStores.s3Client(settings(bucket)), bucket, "gyre", spool)) {
            String key = bare.put("slash".getBytes());

            assertThat(admin.headObject(b -> b.bucket(bucket).key("gyre/" + key)).contentLength()).isEqualTo(5);
        }
    }

    private long spoolFiles() {
        try (Stream<Path> files = Files.list(spool)) {
            return files.count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
