package dev.gyre.boot.blob;

import java.util.Optional;

import javax.sql.DataSource;

import dev.gyre.core.blob.BlobStore;
import dev.gyre.core.blob.Digests;
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
