package dev.gyre.boot.blob;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import dev.gyre.core.blob.BlobCorruptedException;
import dev.gyre.core.blob.BlobStore;
import dev.gyre.core.blob.Digests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties the former bytea table {@code gyre_blob} into the configured store when that store is not PostgreSQL's
 * (which moves them itself, in {@link BlobStoreSchema}): each row is copied through its binary stream, checked
 * against its key, and deleted once stored. A row whose content does not match its key stays where it is (and is
 * logged). Run it after the service's migrations, which drop the foreign keys to {@code gyre_blob}.
 */
public final class LegacyBlobMove {
    private static final Logger log = LoggerFactory.getLogger(LegacyBlobMove.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    public LegacyBlobMove(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Moves every row of {@code gyre_blob} into {@code target}; answers how many moved. */
    public int into(BlobStore target) {
        if (!jdbc.sql("select to_regclass('gyre_blob') is not null").query(Boolean.class).single()) {
            return 0;
        }
        List<String> keys = jdbc.sql("select sha256 from gyre_blob order by sha256").query(String.class).list();
        int moved = 0;
        for (String key : keys) {
            if (move(key, target)) {
                moved++;
            }
        }
        if (moved > 0) {
            log.info("Moved {} blob(s) from the former table gyre_blob into the {}", moved,
                    target.getClass().getSimpleName());
        }
        return moved;
    }

    private boolean move(String key, BlobStore target) {
        // PgJDBC reads a bytea value whole: one legacy blob at a time is in memory, never the table
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select content from gyre_blob where sha256 = ?")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return false; // moved meanwhile by another instance of the service
                }
                try (InputStream content = rs.getBinaryStream(1)) {
                    target.put(Digests.verifying(content, key));
                }
            }
        } catch (BlobCorruptedException e) {
            log.error("Left blob {} in the former table gyre_blob: {}", key, e.getMessage());
            return false;
        } catch (IllegalArgumentException e) {
            log.error("Left row {} in the former table gyre_blob: its key is not a SHA-256", key);
            return false;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not move blob " + key + " out of gyre_blob: " + e.getMessage(), e);
        }
        jdbc.sql("delete from gyre_blob where sha256 = ?").param(key).update();
        return true;
    }
}
