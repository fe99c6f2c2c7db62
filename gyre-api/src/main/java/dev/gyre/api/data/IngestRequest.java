package dev.gyre.api.data;

/** JSON body of {@code POST /api/v1/datasets/{name}/versions}: ingest from a source instead of an upload. */
public record IngestRequest(IngestSource source) {
}
