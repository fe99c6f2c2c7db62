package dev.gyre.registry;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The former blob table stays version 1 of the service's history, recorded as each service's copy recorded it; the
 * large-object tables have a history of their own, run after the service's (whose V6 dropped the foreign key).
 */
class BlobStoreSchemaTests extends RegistryServiceTestBase {
    /** Flyway's checksum of V1__blob_store.sql as data-service and registry-service shipped it (and recorded it). */
    private static final int CHECKSUM_OF_THE_FORMER_COPIES = -1770989031;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theBlobStoreTableIsVersion1FromGyreBootWithTheChecksumExistingDatabasesRecorded() {
        assertThat(new ClassPathResource("db/migration/blob-store/V1__blob_store.sql").exists()).isTrue();
        assertThat(new ClassPathResource("db/migration/registry-service/V1__blob_store.sql").exists()).isFalse();

        Map<String, Object> v1 = jdbc.sql("select description, script, checksum, success from flyway_schema_history "
                + "where version = '1'").query().singleRow();
        assertThat(v1).containsEntry("description", "blob store").containsEntry("script", "V1__blob_store.sql")
                .containsEntry("checksum", CHECKSUM_OF_THE_FORMER_COPIES).containsEntry("success", true);
        assertThat(jdbc.sql("select count(*) from gyre_blob").query(Long.class).single()).isZero();
    }

    @Test
    void theLargeObjectTablesHaveTheirOwnHistoryAndNothingRefersToTheFormerTable() {
        assertThat(jdbc.sql("select script from gyre_blob_store_history where success and version = '1'")
                .query(String.class).list()).containsExactly("V1__large_objects.sql");
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where script = 'V1__large_objects.sql'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select conname from pg_constraint where contype = 'f'"
                        + " and confrelid = 'gyre_blob'::regclass")
                .query(String.class).list()).isEmpty();
    }
}
