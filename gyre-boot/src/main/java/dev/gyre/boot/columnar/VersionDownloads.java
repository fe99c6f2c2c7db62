package dev.gyre.boot.columnar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import dev.gyre.api.data.DataApi;
import dev.gyre.boot.peer.Peer;
import dev.gyre.core.columnar.ColumnarEngine;
import dev.gyre.core.columnar.VersionReader;
import dev.gyre.core.table.Table;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Reads dataset versions from data-service as Parquet, streamed into a local file (the HTTP service client would
 * hold the body in memory), for the services that train on them or compare with them. data-service's failures
 * become {@link Peer} problems, as for every other call to it.
 */
public class VersionDownloads {
    private static final Peer DATA = new Peer("data-service");

    private final RestClient rest;
    private final ColumnarEngine engine;
    private final VersionReader reader;

    public VersionDownloads(RestClient rest, ColumnarEngine engine, VersionReader reader) {
        this.rest = rest;
        this.engine = engine;
        this.reader = reader;
    }

    /** The version's Parquet ({@code columns}, all when empty) in a temp file that the caller deletes. */
    public Path parquet(String dataset, int version, List<String> columns) {
        return parquet(dataset, version, null, columns);
    }

    /** As {@link #parquet(String, int, List)}, only the rows of {@code split} (all rows when null). */
    public Path parquet(String dataset, int version, String split, List<String> columns) {
        Path file = engine.tempFile(".parquet");
        try {
            DATA.call("the content of dataset " + dataset + " version " + version, () -> rest.get()
                    .uri(uri -> {
                        uri.path("/api/v1/datasets/{name}/versions/{version}/content");
                        if (!columns.isEmpty()) {
                            uri.queryParam("columns", String.join(",", columns));
                        }
                        if (split != null) {
                            uri.queryParam("split", split);
                        }
                        return uri.build(dataset, version);
                    })
                    .header(HttpHeaders.ACCEPT, DataApi.PARQUET)
                    .exchange((request, response) -> {
                        if (response.getStatusCode().isError()) {
                            throw new RestClientResponseException("data-service answered " + response.getStatusCode(),
                                    response.getStatusCode(), response.getStatusText(), response.getHeaders(),
                                    response.getBody().readAllBytes(), null);
                        }
                        try (InputStream in = response.getBody()) {
                            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                        }
                        return file;
                    }));
            return file;
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /** The version's rows ({@code columns}, all when empty) as a table of text cells, for work done in memory. */
    public Table table(String dataset, int version, List<String> columns) {
        return table(dataset, version, null, columns);
    }

    /** As {@link #table(String, int, List)}, only the rows of {@code split} (all rows when null). */
    public Table table(String dataset, int version, String split, List<String> columns) {
        Path file = parquet(dataset, version, split, columns);
        try {
            return reader.table(file, List.of());
        } finally {
            delete(file);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
