package dev.gyre.boot.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.gyre.core.blob.BlobStore;
import dev.gyre.core.blob.Digests;
import dev.gyre.core.blob.StoredBlob;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link BlobStore} in the service's own PostgreSQL database, table {@code gyre_blob}
 * (each service's first Flyway migration creates it). Content is written once per digest and
 * checked against its digest on every read.
 */
public class JdbcBlobStore implements BlobStore {
    private final JdbcClient jdbc;

    public JdbcBlobStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public StoredBlob put(InputStream content) {
        try {
            byte[] bytes = content.readAllBytes();
            return new StoredBlob(put(bytes), bytes.length, java.time.Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<InputStream> open(String sha256) {
        return get(sha256).map(ByteArrayInputStream::new);
    }

    @Override
    public void delete(String sha256) {
        jdbc.sql("delete from gyre_blob where sha256 = ?").param(sha256).update();
    }

    @Override
    public void forEach(Consumer<StoredBlob> action) {
        jdbc.sql("select sha256, size, created_at from gyre_blob")
                .query((rs, i) -> new StoredBlob(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()))
                .list().forEach(action);
    }

    @Override
    public String put(byte[] content) {
        String sha256 = Digests.sha256Hex(content);
        jdbc.sql("insert into gyre_blob (sha256, size, content) values (?, ?, ?) on conflict (sha256) do nothing")
                .params(sha256, (long) content.length, content)
                .update();
        return sha256;
    }

    @Override
    public Optional<byte[]> get(String sha256) {
        return jdbc.sql("select content from gyre_blob where sha256 = ?")
                .param(sha256)
                .query((rs, i) -> rs.getBytes(1))
                .optional()
                .map(bytes -> Digests.verify(sha256, bytes));
    }

    @Override
    public boolean exists(String sha256) {
        return jdbc.sql("select count(*) from gyre_blob where sha256 = ?").param(sha256)
                .query(Long.class).single() > 0;
    }
}
