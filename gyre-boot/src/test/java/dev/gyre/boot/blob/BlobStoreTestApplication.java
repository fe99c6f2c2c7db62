package dev.gyre.boot.blob;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * A service in miniature for the blob store's tests: Boot's auto-configuration with gyre-boot's, and its own
 * migrations in {@code db/migration/blob-test} (a table that referred to the former bytea table, and a row there).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class BlobStoreTestApplication {
    /** Properties every blob store test context sets (besides the store's type). */
    static final String ENABLED = "gyre.blob-store.enabled=true";
    static final String MIGRATIONS = "spring.flyway.locations=classpath:db/migration/blob-test";
    /** A leaked connection fails a test in seconds, not after Hikari's default 30 s. */
    static final String FAIL_FAST = "spring.datasource.hikari.connection-timeout=5000";

    /** The content and key of the row V2__legacy_reference.sql stores in gyre_blob. */
    static final String LEGACY_CONTENT = "legacy blob";
    static final String LEGACY_KEY = dev.gyre.core.blob.Digests.sha256Hex(
            LEGACY_CONTENT.getBytes(java.nio.charset.StandardCharsets.UTF_8));
}
