package dev.gyre.api.data;

/**
 * Where to ingest from: {@code type} "url" with an http(s) {@code url} of a CSV or Parquet file, or "jdbc" with the
 * name of a {@code connection} configured in data-service (never credentials) and a read-only SQL {@code query}.
 */
public record IngestSource(String type, String url, String connection, String query) {

    public static IngestSource url(String url) {
        return new IngestSource("url", url, null, null);
    }

    public static IngestSource jdbc(String connection, String query) {
        return new IngestSource("jdbc", null, connection, query);
    }
}
