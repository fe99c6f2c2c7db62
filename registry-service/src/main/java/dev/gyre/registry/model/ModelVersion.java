package dev.gyre.registry.model;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One registered bundle of a model: immutable but for its {@link Stage}. */
@Entity
@Table(name = "model_version")
class ModelVersion {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "model_id", nullable = false)
    private Long modelId;

    @Column(nullable = false)
    private int version;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Stage stage;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<String, Double> metrics;

    /** {@code {task, inputs:[{name,type,required}], outputLabels}}, taken from the bundle. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<String, Object> signature;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private StoredLineage lineage;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ModelVersion() {
    }

    ModelVersion(Long modelId, int version, String sha256, long sizeBytes, Map<String, Double> metrics,
                 Map<String, Object> signature, StoredLineage lineage) {
        this.modelId = modelId;
        this.version = version;
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.stage = Stage.ACTIVE;
        this.metrics = metrics;
        this.signature = signature;
        this.lineage = lineage;
        this.createdAt = Instant.now();
    }

    void archive() {
        stage = Stage.ARCHIVED;
    }

    public Long getId() {
        return id;
    }

    public Long getModelId() {
        return modelId;
    }

    public int getVersion() {
        return version;
    }

    public String getSha256() {
        return sha256;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public Stage getStage() {
        return stage;
    }

    public Map<String, Double> getMetrics() {
        return metrics;
    }

    public Map<String, Object> getSignature() {
        return signature;
    }

    public StoredLineage getLineage() {
        return lineage;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
