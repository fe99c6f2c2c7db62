package dev.gyre.data.job;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One background ingest; every change of state goes through {@link IngestJobStore}, under the row's lock. */
@Entity
@Table(name = "ingest_job")
class IngestJob {
    static final String QUEUED = "QUEUED";
    static final String RUNNING = "RUNNING";
    static final String SUCCEEDED = "SUCCEEDED";
    static final String FAILED = "FAILED";
    static final String CANCELLED = "CANCELLED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "dataset_id", nullable = false)
    private Long datasetId;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(nullable = false, length = 16)
    private String format;

    @Column(nullable = false, length = 32)
    private String source;

    @Column(name = "upload_key", nullable = false, length = 64)
    private String uploadKey;

    @Column(name = "upload_size", nullable = false)
    private long uploadSize;

    @Column(name = "rows_read", nullable = false)
    private long rowsRead;

    @Column(name = "bytes_read", nullable = false)
    private long bytesRead;

    private Integer version;

    @Column(name = "error_code", length = 64)
    private String errorCode;

    @Column(name = "error_detail")
    private String errorDetail;

    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected IngestJob() {
    }

    IngestJob(Long datasetId, String format, String source, String uploadKey, long uploadSize, String submittedBy) {
        this.datasetId = datasetId;
        this.status = QUEUED;
        this.format = format;
        this.source = source;
        this.uploadKey = uploadKey;
        this.uploadSize = uploadSize;
        this.submittedBy = submittedBy;
        this.createdAt = Instant.now();
    }

    boolean isFinished() {
        return SUCCEEDED.equals(status) || FAILED.equals(status) || CANCELLED.equals(status);
    }

    void start() {
        status = RUNNING;
        startedAt = Instant.now();
    }

    void progress(long rows, long bytes) {
        rowsRead = rows;
        bytesRead = bytes;
    }

    void succeed(int version) {
        this.version = version;
        this.bytesRead = uploadSize;
        finish(SUCCEEDED);
    }

    void fail(String code, String detail) {
        this.errorCode = code;
        this.errorDetail = detail;
        finish(FAILED);
    }

    void cancel() {
        finish(CANCELLED);
    }

    void requestCancel() {
        cancelRequested = true;
    }

    void requeue() {
        status = QUEUED;
        rowsRead = 0;
        bytesRead = 0;
    }

    private void finish(String end) {
        status = end;
        finishedAt = Instant.now();
    }

    Long getId() {
        return id;
    }

    Long getDatasetId() {
        return datasetId;
    }

    String getStatus() {
        return status;
    }

    String getFormat() {
        return format;
    }

    String getSource() {
        return source;
    }

    String getUploadKey() {
        return uploadKey;
    }

    long getUploadSize() {
        return uploadSize;
    }

    long getRowsRead() {
        return rowsRead;
    }

    long getBytesRead() {
        return bytesRead;
    }

    Integer getVersion() {
        return version;
    }

    String getErrorCode() {
        return errorCode;
    }

    String getErrorDetail() {
        return errorDetail;
    }

    boolean isCancelRequested() {
        return cancelRequested;
    }

    String getSubmittedBy() {
        return submittedBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getStartedAt() {
        return startedAt;
    }

    Instant getFinishedAt() {
        return finishedAt;
    }
}
