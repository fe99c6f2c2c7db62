package dev.gyre.training.run;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One candidate of a job, trained and evaluated; immutable once written. */
@Entity
@Table(name = "run")
public class Run {
    /** The run trained and was evaluated. */
    public static final String SUCCEEDED = "SUCCEEDED";
    /** Training or evaluation of this candidate threw; {@code error} says why. */
    public static final String FAILED = "FAILED";

    @Id
    private UUID id;

    @Column(nullable = false)
    private String experiment;

    @Column(name = "job_id", nullable = false)
    private UUID jobId;

    @Column(nullable = false)
    private String algorithm;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, Object> params;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, Double> metrics;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "fold_metrics", nullable = false)
    private List<Map<String, Double>> foldMetrics;

    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    @Column(nullable = false)
    private String status;

    private String error;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Run() {
    }

    private Run(String experiment, UUID jobId, String algorithm, Map<String, Object> params,
                Map<String, Double> metrics, List<Map<String, Double>> foldMetrics, long durationMs, String status,
                String error) {
        this.id = UUID.randomUUID();
        this.experiment = experiment;
        this.jobId = jobId;
        this.algorithm = algorithm;
        this.params = new LinkedHashMap<>(params);
        this.metrics = new LinkedHashMap<>(metrics);
        this.foldMetrics = foldMetrics.stream().map(f -> (Map<String, Double>) new LinkedHashMap<>(f)).toList();
        this.durationMs = durationMs;
        this.status = status;
        this.error = error;
        this.createdAt = Instant.now();
    }

    public static Run succeeded(String experiment, UUID jobId, String algorithm, Map<String, Object> params,
                                Map<String, Double> metrics, long durationMs) {
        return succeeded(experiment, jobId, algorithm, params, metrics, List.of(), durationMs);
    }

    /** @param foldMetrics each fold's metrics of a k-fold evaluation, in fold order */
    public static Run succeeded(String experiment, UUID jobId, String algorithm, Map<String, Object> params,
                                Map<String, Double> metrics, List<Map<String, Double>> foldMetrics, long durationMs) {
        return new Run(experiment, jobId, algorithm, params, metrics, foldMetrics, durationMs, SUCCEEDED, null);
    }

    public static Run failed(String experiment, UUID jobId, String algorithm, Map<String, Object> params,
                             long durationMs, String error) {
        return new Run(experiment, jobId, algorithm, params, Map.of(), List.of(), durationMs, FAILED, error);
    }

    public UUID getId() {
        return id;
    }

    public String getExperiment() {
        return experiment;
    }

    public UUID getJobId() {
        return jobId;
    }

    public String getAlgorithm() {
        return algorithm;
    }

    public Map<String, Object> getParams() {
        return params;
    }

    public Map<String, Double> getMetrics() {
        return metrics;
    }

    public List<Map<String, Double>> getFoldMetrics() {
        return foldMetrics;
    }

    public String getStatus() {
        return status;
    }

    public long getDurationMs() {
        return durationMs;
    }

    public String getError() {
        return error;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
