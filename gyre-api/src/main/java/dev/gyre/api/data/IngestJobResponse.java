package dev.gyre.api.data;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An ingest of a large upload, run in the background: {@code status} QUEUED, RUNNING, SUCCEEDED, FAILED or
 * CANCELLED; {@code version} once SUCCEEDED, {@code error} (the problem's code and detail) once FAILED.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestJobResponse(long id, String dataset, String status, Progress progress, Integer version,
                                Error error, String submittedBy, Instant createdAt, Instant startedAt,
                                Instant finishedAt) {

    /** Rows and bytes of the upload read so far; {@code totalBytes} is the upload's size. */
    public record Progress(long rows, long bytes, Long totalBytes) {
    }

    /** Why the job failed, as the problem a synchronous ingest would have answered. */
    public record Error(String code, String detail) {
    }
}
