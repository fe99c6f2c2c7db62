package dev.gyre.api.data;

/** Where to ingest from: {@code type} "url" with an http(s) {@code url} of a CSV file ("jdbc" is reserved). */
public record IngestSource(String type, String url) {
}
