package dev.gyre.boot.blob;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import dev.gyre.core.blob.BlobCorruptedException;
import dev.gyre.core.blob.BlobStore;
import dev.gyre.test.BlobStoreContract;
import dev.gyre.test.PostgresTestConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.gyre.boot.blob.BlobStoreTestApplication.LEGACY_CONTENT;
import static dev.gyre.boot.blob.BlobStoreTestApplication.LEGACY_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract against large objects in a real PostgreSQL, wired as a service gets it ({@code type} left at its
 * default); and what comes with it: the blob store's own Flyway history, run after the service's, which moved the
 * former table's row, and streams that give their connection back.
 */
@SpringBootTest(classes = BlobStoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {BlobStoreTestApplication.ENABLED, BlobStoreTestApplication.MIGRATIONS,
                BlobStoreTestApplication.FAIL_FAST})
@Import(PostgresTestConfiguration.class)
class JdbcBlobStoreTests extends BlobStoreContract {
    @Autowired
    BlobStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HikariDataSource pool;
    @Autowired
    ConfigurableApplicationContext context;

    @Override
    protected BlobStore store() {
        return store;
    }

    @Override
    protected void corrupt(String key) {
        assertThat(jdbc.sql("select lo_put(content_oid, size / 2, set_byte(lo_get(content_oid, size / 2, 1), 0,"
                        + " get_byte(lo_get(content_oid, size / 2, 1), 0) # 1)) from gyre_blob_object where sha256 = ?")
                .param(key).query().listOfRows()).hasSize(1);
    }

    @Override
    protected void afterFailedPut() {
        assertEveryLargeObjectHasItsRow();
    }

    @Test
    void isTheLargeObjectStore() {
        assertThat(store).isInstanceOf(JdbcBlobStore.class);
    }

    @Test
    void hasItsOwnHistoryMigratedAfterTheServices() {
        assertThat(context.getBeanFactory().getBeanDefinition("blobStore").getDependsOn())
                .as("the blob store is made after the service's Flyway has migrated").contains("flywayInitializer");
        List<Map<String, Object>> own = jdbc.sql("select version, type, script, success from "
                + BlobStoreSchema.HISTORY + " order by installed_rank").query().listOfRows();
        assertThat(own).extracting(row -> row.get("version")).containsExactly("0", "1");
        assertThat(own.get(0)).containsEntry("type", "BASELINE");
        assertThat(own.get(1)).containsEntry("script", "V1__large_objects.sql").containsEntry("success", true);
        assertThat(jdbc.sql("select version from flyway_schema_history order by installed_rank")
                .query(String.class).list()).containsExactly("1", "2", "3");
        assertThat(jdbc.sql("select (select max(installed_on) from flyway_schema_history)"
                + " <= (select installed_on from " + BlobStoreSchema.HISTORY + " where version = '1')")
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void movedTheFormerTablesRowsIntoLargeObjects() {
        assertThat(jdbc.sql("select count(*) from gyre_blob").query(Long.class).single()).isZero();
        assertThat(store.get(LEGACY_KEY)).hasValueSatisfying(bytes ->
                assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(LEGACY_CONTENT));
        assertThat(jdbc.sql("select count(*) from legacy_reference where content_hash = ?").param(LEGACY_KEY)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aStreamReadToItsEndAndClosedGivesItsConnectionBack() throws Exception {
        String key = store.put(generated(1, 600_000)).key();
        String corrupted = store.put(generated(2, 300_000)).key();
        corrupt(corrupted);
        String unknown = dev.gyre.core.blob.Digests.sha256Hex(new byte[] {42});

        // more than the pool holds: a stream that kept its connection would make one of these wait and fail
        for (int i = 0; i < pool.getMaximumPoolSize() + 5; i++) {
            try (InputStream in = store.open(key).orElseThrow()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            try (InputStream in = store.open(corrupted).orElseThrow()) {
                assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream()))
                        .isInstanceOf(BlobCorruptedException.class);
            }
            try (InputStream in = store.open(key).orElseThrow()) {
                assertThat(in.read()).isNotNegative(); // closed early
            }
            assertThat(store.open(unknown)).isEmpty();
        }

        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @Test
    void deleteUnlinksTheLargeObject() {
        String key = store.put(generated(3, 100_000)).key();
        long oid = jdbc.sql("select content_oid from gyre_blob_object where sha256 = ?").param(key)
                .query(Long.class).single();

        store.delete(key);

        assertThat(jdbc.sql("select count(*) from pg_largeobject_metadata where oid = ?::oid").param(oid)
                .query(Long.class).single()).isZero();
        assertEveryLargeObjectHasItsRow();
    }

    @Test
    void aSecondPutOfTheSameContentLeavesNoSecondLargeObject() {
        String key = store.put(generated(4, 100_000)).key();
        store.put(generated(4, 100_000));

        assertThat(entriesOf(key)).hasSize(1);
        assertEveryLargeObjectHasItsRow();
    }

    private void assertEveryLargeObjectHasItsRow() {
        assertThat(jdbc.sql("select count(*) from pg_largeobject_metadata m"
                        + " where not exists (select 1 from gyre_blob_object b where b.content_oid = m.oid)")
                .query(Long.class).single()).as("large objects no row names").isZero();
    }
}
