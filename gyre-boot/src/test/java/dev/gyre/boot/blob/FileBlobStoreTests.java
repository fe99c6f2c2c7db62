package dev.gyre.boot.blob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import dev.gyre.core.blob.BlobStore;
import dev.gyre.core.blob.Digests;
import dev.gyre.core.blob.FileBlobStore;
import dev.gyre.test.BlobStoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract against a directory of its own per test, and the layout on disk. */
class FileBlobStoreTests extends BlobStoreContract {
    @TempDir
    Path root;

    private FileBlobStore store;

    @BeforeEach
    void open() {
        store = new FileBlobStore(root.resolve("blobs"));
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Override
    protected void corrupt(String key) throws IOException {
        flipMiddleByte(store.root().resolve(key.substring(0, 2)).resolve(key));
    }

    @Override
    protected void afterFailedPut() {
        assertThat(temporaryFiles()).isZero();
    }

    @Test
    void keepsABlobUnderItsTwoLevelFanOutAndNothingInTmp() {
        byte[] content = "fan-out".getBytes();
        String key = store.put(content);

        assertThat(store.root().resolve(key.substring(0, 2)).resolve(key)).isRegularFile().hasBinaryContent(content);
        assertThat(temporaryFiles()).isZero();
    }

    @Test
    void listsOnlyBlobsNotTemporaryOrStrayFiles() throws IOException {
        String key = store.put("listed".getBytes());
        Files.writeString(store.root().resolve("tmp").resolve("put-1.part"), "half");
        Files.writeString(store.root().resolve("README"), "stray");
        Files.createDirectories(store.root().resolve("zz"));
        Files.writeString(store.root().resolve(key.substring(0, 2)).resolve("notes.txt"), "stray");

        assertThat(keys()).containsExactly(key);
    }

    @Test
    void putOfAFileLeavesItAndStoresItOnce() throws IOException {
        Path file = root.resolve("upload.bin");
        try (var in = generated(7, 1_000_000)) {
            Files.copy(in, file);
        }

        String key = store.put(file).key();

        assertThat(key).isEqualTo(Digests.sha256Hex(Files.readAllBytes(file)));
        assertThat(file).exists();
        assertThat(store.put(file).key()).isEqualTo(key);
        assertThat(entriesOf(key)).hasSize(1);
    }

    private long temporaryFiles() {
        try (Stream<Path> files = Files.list(store.root().resolve("tmp"))) {
            return files.count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
