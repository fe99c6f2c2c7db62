package dev.gyre.api.data;

/** The 202 answer to an upload large enough to be ingested in the background: {@code {job:{id, status, ...}}}. */
public record IngestAccepted(IngestJobResponse job) {
}
