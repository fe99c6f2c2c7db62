package dev.gyre.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.gyre.core.blob.BlobCorruptedException;
import dev.gyre.core.blob.BlobStore;
import dev.gyre.core.blob.Digests;
import dev.gyre.core.blob.StoredBlob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * What every {@link BlobStore} implementation must do, as one set of tests: a store's test class extends this one
 * and says how to reach the store and how to damage a stored blob behind its back. Content is generated from a
 * seed as it is read ({@link #generated}), never built as one array, and each test uses its own seed, so tests that
 * share a store do not see each other's blobs.
 */
public abstract class BlobStoreContract {
    private static final int MB = 1024 * 1024;
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /** Each test's own seed (JUnit makes an instance per test). */
    private final long seed = ThreadLocalRandom.current().nextLong();

    /** The store under test. */
    protected abstract BlobStore store();

    /** Changes the stored content of {@code key} (one byte somewhere in it) without going through the store. */
    protected abstract void corrupt(String key) throws Exception;

    @Test
    void roundTripsAMultiMegabyteStream() throws IOException {
        long size = 20L * MB + 17;
        String expected = Digests.sha256Hex(generated(seed, size));

        StoredBlob stored = store().put(generated(seed, size));

        assertThat(stored.key()).isEqualTo(expected);
        assertThat(stored.size()).isEqualTo(size);
        assertThat(stored.storedAt()).isBefore(Instant.now().plus(Duration.ofMinutes(1)))
                .isAfter(Instant.now().minus(Duration.ofHours(1)));
        assertThat(store().exists(expected)).isTrue();
        try (InputStream in = store().open(expected).orElseThrow()) {
            assertSameContent(generated(seed, size), in);
        }
    }

    @Test
    void storesTheSameContentOnceUnderTheSameKey() {
        StoredBlob first = store().put(generated(seed, 3 * MB));
        StoredBlob second = store().put(generated(seed, 3 * MB));

        assertThat(second.key()).isEqualTo(first.key());
        assertThat(second.size()).isEqualTo(first.size());
        assertThat(entriesOf(first.key())).singleElement().satisfies(blob -> {
            assertThat(blob.size()).isEqualTo(3 * MB);
            assertThat(blob.storedAt()).isNotNull();
        });
    }

    @Test
    void storesEmptyContent() throws IOException {
        StoredBlob stored = store().put(InputStream.nullInputStream());

        assertThat(stored.key()).isEqualTo(EMPTY_SHA256);
        assertThat(stored.size()).isZero();
        assertThat(store().exists(EMPTY_SHA256)).isTrue();
        try (InputStream in = store().open(EMPTY_SHA256).orElseThrow()) {
            assertThat(in.read()).isEqualTo(-1);
        }
        assertThat(store().get(EMPTY_SHA256)).hasValueSatisfying(bytes -> assertThat(bytes).isEmpty());
    }

    @Test
    void storesSmallContentFromAnArray() {
        byte[] content = ("small content " + seed).getBytes(StandardCharsets.UTF_8);

        String key = store().put(content);

        assertThat(key).isEqualTo(Digests.sha256Hex(content));
        assertThat(store().get(key)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
    }

    @Test
    void deletesWhatItStored() {
        String key = store().put(generated(seed, 100_000)).key();
        assertThat(store().exists(key)).isTrue();

        store().delete(key);

        assertThat(store().exists(key)).isFalse();
        assertThat(store().open(key)).isEmpty();
        assertThat(entriesOf(key)).isEmpty();
        store().delete(key); // deleting what is not there is no error
    }

    @Test
    void opensNothingForAnUnknownKey() {
        String unknown = Digests.sha256Hex(generated(seed, 1000));

        assertThat(store().open(unknown)).isEmpty();
        assertThat(store().exists(unknown)).isFalse();
        assertThat(store().get(unknown)).isEmpty();
    }

    @Test
    void refusesToServeCorruptedContentAtTheEndOfTheRead() throws Exception {
        String key = store().put(generated(seed, 2 * MB)).key();

        corrupt(key);

        try (InputStream in = store().open(key).orElseThrow()) {
            assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream()))
                    .isInstanceOf(BlobCorruptedException.class)
                    .satisfies(e -> assertThat(((BlobCorruptedException) e).expected()).isEqualTo(key));
        }
        assertThatThrownBy(() -> store().get(key)).isInstanceOf(BlobCorruptedException.class);
    }

    @Test
    void refusesMalformedKeys() {
        String valid = Digests.sha256Hex(generated(seed, 10));
        List<String> malformed = new ArrayList<>(List.of("", "abc", valid.toUpperCase(), valid.substring(1),
                valid + "0", "../" + valid.substring(3), valid.substring(0, 63) + "g", valid.substring(0, 62) + "/x",
                "sha256:" + valid, " " + valid.substring(1)));
        malformed.add(null);

        for (String key : malformed) {
            assertThatThrownBy(() -> store().open(key)).as("open(%s)", key)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store().exists(key)).as("exists(%s)", key)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store().delete(key)).as("delete(%s)", key)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store().get(key)).as("get(%s)", key).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void leavesNothingWhenTheContentFailsHalfWay() {
        long size = 6L * MB;
        String whole = Digests.sha256Hex(generated(seed, size));
        String firstHalf = Digests.sha256Hex(generated(seed, size / 2));
        Set<String> before = keys();

        assertThatThrownBy(() -> store().put(failingAfter(generated(seed, size), size / 2)))
                .isInstanceOf(UncheckedIOException.class)
                .hasStackTraceContaining("the content failed half-way");

        assertThat(store().exists(whole)).isFalse();
        assertThat(store().exists(firstHalf)).isFalse();
        assertThat(keys()).isEqualTo(before);
        afterFailedPut();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void concurrentPutsOfTheSameContentStoreOneBlob() throws Exception {
        int threads = 4;
        long size = 4L * MB;
        String expected = Digests.sha256Hex(generated(seed, size));
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<StoredBlob>> puts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                puts.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return store().put(generated(seed, size));
                }));
            }
            for (Future<StoredBlob> put : puts) {
                assertThat(put.get(90, TimeUnit.SECONDS).key()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(entriesOf(expected)).singleElement().satisfies(blob -> assertThat(blob.size()).isEqualTo(size));
        try (InputStream in = store().open(expected).orElseThrow()) {
            assertSameContent(generated(seed, size), in);
        }
    }

    /**
     * No store holds a blob in the heap: a blob nearly the size of the heap goes in and out. Meaningful only when the
     * test JVM's heap is small (the module's surefire configuration sets it), so skipped otherwise.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void streamsABlobTooLargeForTheHeap() throws IOException {
        long size = 200L * MB;
        assumeThat(Runtime.getRuntime().maxMemory()).as("a heap small enough to make a 200 MB blob meaningful")
                .isLessThanOrEqualTo(320L * MB);
        String expected = Digests.sha256Hex(generated(seed, size));

        StoredBlob stored = store().put(generated(seed, size));

        assertThat(stored.key()).isEqualTo(expected);
        assertThat(stored.size()).isEqualTo(size);
        try (InputStream in = store().open(expected).orElseThrow()) {
            assertThat(Digests.sha256Hex(in)).isEqualTo(expected);
        }
        store().delete(expected);
    }

    /** What a store checks beyond the contract after a put failed half-way (e.g. no temporary file left). */
    protected void afterFailedPut() {
    }

    /** The store's entries for {@code key}, as {@link BlobStore#forEach} reports them. */
    /** For {@link #corrupt} of a store whose blobs are files: flips one bit in the middle of {@code file}. */
    protected static void flipMiddleByte(java.nio.file.Path file) throws IOException {
        try (java.io.RandomAccessFile bytes = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            bytes.seek(bytes.length() / 2);
            int b = bytes.read();
            bytes.seek(bytes.length() / 2);
            bytes.write(b ^ 1);
        }
    }

    protected final List<StoredBlob> entriesOf(String key) {
        List<StoredBlob> entries = new ArrayList<>();
        store().forEach(blob -> {
            if (blob.key().equals(key)) {
                entries.add(blob);
            }
        });
        return entries;
    }

    /** Every key {@link BlobStore#forEach} reports. */
    protected final Set<String> keys() {
        Set<String> keys = new HashSet<>();
        store().forEach(blob -> keys.add(blob.key()));
        return keys;
    }

    /** {@code size} bytes from a seeded generator, produced as they are read (any read sizes give the same bytes). */
    public static InputStream generated(long seed, long size) {
        return new GeneratedContent(seed, size);
    }

    /** {@code content} that throws an IOException once {@code limit} bytes have been read from it. */
    public static InputStream failingAfter(InputStream content, long limit) {
        return new InputStream() {
            private long read;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (read >= limit) {
                    throw new IOException("the content failed half-way (test)");
                }
                int n = content.read(buffer, offset, (int) Math.min(length, limit - read));
                if (n > 0) {
                    read += n;
                }
                return n;
            }
        };
    }

    /** Reads both streams to their end and fails at the first byte that differs. */
    public static void assertSameContent(InputStream expected, InputStream actual) throws IOException {
        byte[] a = new byte[64 * 1024];
        byte[] b = new byte[64 * 1024];
        long offset = 0;
        while (true) {
            int n = expected.readNBytes(a, 0, a.length);
            int m = actual.readNBytes(b, 0, n == 0 ? 1 : n);
            assertThat(m).as("bytes readable at offset %d", offset).isEqualTo(n);
            if (n == 0) {
                return;
            }
            for (int i = 0; i < n; i++) {
                if (a[i] != b[i]) {
                    throw new AssertionError("content differs at offset " + (offset + i));
                }
            }
            offset += n;
        }
    }

    private static final class GeneratedContent extends InputStream {
        private final Random random;
        private final byte[] block = new byte[8192];
        private long remaining;
        private int position = block.length;

        GeneratedContent(long seed, long size) {
            this.random = new Random(seed);
            this.remaining = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            if (position == block.length) {
                random.nextBytes(block);
                position = 0;
            }
            int n = (int) Math.min(Math.min(length, block.length - position), remaining);
            System.arraycopy(block, position, buffer, offset, n);
            position += n;
            remaining -= n;
            return n;
        }
    }
}
