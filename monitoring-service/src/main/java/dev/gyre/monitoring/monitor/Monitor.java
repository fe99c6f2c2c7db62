package dev.gyre.monitoring.monitor;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A monitor as stored. Thresholds are stored with defaults filled in. */
@Entity
@Table(name = "monitor")
class Monitor {
    @Id
    private String deployment;
    @Column(name = "reference_dataset", nullable = false)
    private String referenceDataset;
    @Column(name = "reference_version", nullable = false)
    private int referenceVersion;
    private String label;
    @Column(name = "window_size")
    private Integer windowSize;
    @Column(name = "window_duration")
    private String windowDuration;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private StoredThresholds thresholds;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, Object> retrain;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, Object> promotion;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Monitor() {
    }

    Monitor(String deployment, Instant createdAt) {
        this.deployment = deployment;
        this.createdAt = createdAt;
    }

    void update(String referenceDataset, int referenceVersion, String label, Integer windowSize,
                String windowDuration, StoredThresholds thresholds, Map<String, Object> retrain,
                Map<String, Object> promotion, Instant at) {
        this.referenceDataset = referenceDataset;
        this.referenceVersion = referenceVersion;
        this.label = label;
        this.windowSize = windowSize;
        this.windowDuration = windowDuration;
        this.thresholds = thresholds;
        this.retrain = retrain;
        this.promotion = promotion;
        this.updatedAt = at;
    }

    public String getDeployment() {
        return deployment;
    }

    public String getReferenceDataset() {
        return referenceDataset;
    }

    public int getReferenceVersion() {
        return referenceVersion;
    }

    /** The label column named by the monitor, or null to use the dataset's. */
    public String getLabel() {
        return label;
    }

    public Integer getWindowSize() {
        return windowSize;
    }

    /** ISO-8601 duration, or null for no time limit. */
    public String getWindowDuration() {
        return windowDuration;
    }

    StoredThresholds getThresholds() {
        return thresholds;
    }

    public Map<String, Object> getRetrain() {
        return retrain;
    }

    public Map<String, Object> getPromotion() {
        return promotion;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
