package dev.gyre.boot.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.gyre.core.blob.BlobStore;
import dev.gyre.core.blob.DigestingInputStream;
import dev.gyre.core.blob.Digests;
import dev.gyre.core.blob.StoredBlob;
import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link BlobStore} in the service's own PostgreSQL database: each blob is a large object, streamed in chunks of
 * {@value #CHUNK} bytes, and a row of {@code gyre_blob_object (sha256, size, content_oid, created_at)} names it
 * (the table comes from the blob store's own Flyway history, see {@link BlobStoreSchema}).
 * <p>
 * {@code put} and {@code open} take their own connection from the pool, outside any transaction of the caller: a
 * large object exists only inside a transaction. {@code put} writes the large object and its row in one transaction,
 * so a failure part-way rolls both back. The stream {@code open} returns holds its connection (and an open
 * transaction) until it is closed: read it and close it promptly, and never leave it unclosed, or the pool loses a
 * connection.
 */
public final class JdbcBlobStore implements BlobStore {
    static final int CHUNK = 256 * 1024;
    static final String TABLE = "gyre_blob_object";

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    public JdbcBlobStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public StoredBlob put(InputStream content) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                StoredBlob stored = write(connection, content);
                connection.commit();
                return stored;
            } catch (IOException | SQLException | RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not store a blob in PostgreSQL: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not store a blob in PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static StoredBlob write(Connection connection, InputStream content) throws IOException, SQLException {
        LargeObjectManager objects = connection.unwrap(PGConnection.class).getLargeObjectAPI();
        long oid = objects.createLO(LargeObjectManager.READWRITE);
        DigestingInputStream in = Digests.digesting(content);
        try (LargeObject object = objects.open(oid, LargeObjectManager.WRITE)) {
            byte[] chunk = new byte[CHUNK];
            for (int n; (n = in.readNBytes(chunk, 0, CHUNK)) > 0; ) {
                object.write(chunk, 0, n);
            }
        }
        String key = in.sha256Hex();
        try (PreparedStatement insert = connection.prepareStatement("insert into " + TABLE + " (sha256, size,"
                + " content_oid) values (?, ?, ?) on conflict (sha256) do nothing returning created_at")) {
            insert.setString(1, key);
            insert.setLong(2, in.size());
            insert.setLong(3, oid);
            try (ResultSet inserted = insert.executeQuery()) {
                if (inserted.next()) {
                    return new StoredBlob(key, in.size(), inserted.getTimestamp(1).toInstant());
                }
            }
        }
        // stored already (perhaps by a put racing this one, whose row the insert waited for): drop the copy
        objects.unlink(oid);
        try (PreparedStatement select = connection.prepareStatement(
                "select size, created_at from " + TABLE + " where sha256 = ?")) {
            select.setString(1, key);
            try (ResultSet existing = select.executeQuery()) {
                if (!existing.next()) {
                    throw new IllegalStateException("blob " + key + " was neither inserted nor found");
                }
                return new StoredBlob(key, existing.getLong(1), existing.getTimestamp(2).toInstant());
            }
        }
    }

    /** The returned stream owns a connection and its transaction, which it ends (and returns) when closed. */
    @Override
    public Optional<InputStream> open(String sha256) {
        Digests.requireSha256Hex(sha256);
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            Optional<Long> oid = oid(connection, sha256);
            if (oid.isEmpty()) {
                release(connection);
                return Optional.empty();
            }
            LargeObject object = connection.unwrap(PGConnection.class).getLargeObjectAPI()
                    .open(oid.get(), LargeObjectManager.READ);
            InputStream content = new ConnectionBoundStream(object.getInputStream(CHUNK, Long.MAX_VALUE), object,
                    connection);
            return Optional.of(Digests.verifying(content, sha256));
        } catch (SQLException | RuntimeException e) {
            if (connection != null) {
                release(connection);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("could not open blob " + sha256 + " in PostgreSQL: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String sha256) {
        return jdbc.sql("select count(*) from " + TABLE + " where sha256 = ?")
                .param(Digests.requireSha256Hex(sha256)).query(Long.class).single() > 0;
    }

    /** Removes the row and unlinks its large object, in one statement. */
    @Override
    public void delete(String sha256) {
        jdbc.sql("with gone as (delete from " + TABLE + " where sha256 = ? returning content_oid)"
                        + " select lo_unlink(content_oid) from gone")
                .param(Digests.requireSha256Hex(sha256)).query().rowSet();
    }

    @Override
    public void forEach(Consumer<StoredBlob> action) {
        jdbc.sql("select sha256, size, created_at from " + TABLE).query((RowCallbackHandler) rs ->
                action.accept(new StoredBlob(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant())));
    }

    private static Optional<Long> oid(Connection connection, String sha256) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select content_oid from " + TABLE + " where sha256 = ?")) {
            select.setString(1, sha256);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Ends the (read-only) transaction and returns the connection to the pool. */
    private static void release(Connection connection) {
        try (connection) {
            connection.commit();
        } catch (SQLException e) {
            // the connection is closed anyway (try-with-resources); a failed commit of a read changes nothing
        }
    }

    /** A large object's content whose close also closes the object and ends its transaction. */
    private static final class ConnectionBoundStream extends FilterInputStream {
        private final LargeObject object;
        private final Connection connection;
        private boolean closed;

        ConnectionBoundStream(InputStream content, LargeObject object, Connection connection) {
            super(content);
            this.object = object;
            this.connection = connection;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                super.close();
                object.close();
            } catch (IOException | SQLException e) {
                // the content was read (or abandoned): ending the transaction below is what matters
            } finally {
                release(connection);
            }
        }
    }
}
