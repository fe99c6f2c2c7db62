package dev.gyre.boot.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import dev.gyre.core.blob.BlobStore;
import dev.gyre.core.blob.Digests;
import dev.gyre.core.blob.FileBlobStore;
import dev.gyre.test.PostgresTestConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.gyre.boot.blob.BlobStoreTestApplication.LEGACY_CONTENT;
import static dev.gyre.boot.blob.BlobStoreTestApplication.LEGACY_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service configured with another store than PostgreSQL's ({@code filesystem} here): at start-up, after the
 * service's migrations, the rows of the former bytea table move into that store; the large-object tables and their
 * history are never created.
 */
@SpringBootTest(classes = BlobStoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {BlobStoreTestApplication.ENABLED, BlobStoreTestApplication.MIGRATIONS,
                BlobStoreTestApplication.FAIL_FAST, "gyre.blob-store.type=filesystem"})
@Import(PostgresTestConfiguration.class)
class LegacyBlobMoveTests {
    private static final Path DIRECTORY;

    static {
        try {
            DIRECTORY = Files.createTempDirectory("gyre-legacy-move-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry registry) {
        registry.add("gyre.blob-store.directory", DIRECTORY::toString);
    }

    @Autowired
    BlobStore store;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void movedTheFormerTablesRowsIntoTheDirectoryAtStartUp() {
        assertThat(store).isInstanceOf(FileBlobStore.class);
        assertThat(((FileBlobStore) store).root()).isEqualTo(DIRECTORY.toAbsolutePath().normalize());
        assertThat(store.get(LEGACY_KEY)).hasValueSatisfying(bytes ->
                assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(LEGACY_CONTENT));
        assertThat(jdbc.sql("select count(*) from gyre_blob").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select to_regclass('gyre_blob_object') is null and to_regclass('"
                + BlobStoreSchema.HISTORY + "') is null").query(Boolean.class).single()).isTrue();
    }

    @Test
    void movesWhatMatchesItsKeyAndLeavesWhatDoesNot(@TempDir Path elsewhere) {
        byte[] good = "a good legacy row".getBytes(StandardCharsets.UTF_8);
        byte[] bad = "a row whose bytes changed".getBytes(StandardCharsets.UTF_8);
        String goodKey = Digests.sha256Hex(good);
        String badKey = Digests.sha256Hex("what the bytes were".getBytes(StandardCharsets.UTF_8));
        insertLegacy(goodKey, good);
        insertLegacy(badKey, bad);
        FileBlobStore target = new FileBlobStore(elsewhere);

        assertThat(new LegacyBlobMove(dataSource).into(target)).isEqualTo(1);

        assertThat(target.get(goodKey)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(good));
        assertThat(target.exists(badKey)).isFalse();
        assertThat(target.exists(Digests.sha256Hex(bad))).isFalse();
        assertThat(jdbc.sql("select sha256 from gyre_blob").query(String.class).list()).containsExactly(badKey);
        jdbc.sql("delete from gyre_blob").update();
    }

    private void insertLegacy(String key, byte[] content) {
        jdbc.sql("insert into gyre_blob (sha256, size, content) values (?, ?, ?)").params(key, content.length, content)
                .update();
    }
}
