package dev.gyre.boot.blob;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The tables of {@link JdbcBlobStore}, migrated by a Flyway of their own: history table {@value #HISTORY}, scripts in
 * {@value #LOCATION}. The blob store's schema cannot be part of the service's history, whose versions from 2 up are
 * the service's own. Run it after the service's migrations: its first version moves the rows of the former bytea
 * table, which needs the service's foreign keys to that table gone.
 */
public final class BlobStoreSchema {
    public static final String HISTORY = "gyre_blob_store_history";
    public static final String LOCATION = "classpath:db/blob-store";

    private BlobStoreSchema() {
    }

    /** Brings the blob store's tables up to date in {@code dataSource}'s current schema. */
    public static MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .table(HISTORY)
                .locations(LOCATION)
                // the schema holds the service's tables already: start this history below its version 1
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("blob store history begins")
                .load()
                .migrate();
    }
}
