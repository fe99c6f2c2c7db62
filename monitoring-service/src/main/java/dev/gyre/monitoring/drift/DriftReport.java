package dev.gyre.monitoring.drift;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored drift report: the whole report, plus the columns it is looked up by. */
@Entity
@Table(name = "drift_report")
class DriftReport {
    @Id
    private UUID id;
    @Column(nullable = false)
    private String deployment;
    @Column(name = "dataset_drift", nullable = false)
    private boolean datasetDrift;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private StoredDriftReport report;
    @Column(name = "evaluated_at", nullable = false)
    private Instant evaluatedAt;

    protected DriftReport() {
    }

    DriftReport(StoredDriftReport report) {
        this.id = report.id();
        this.deployment = report.deployment();
        this.datasetDrift = report.datasetDrift();
        this.report = report;
        this.evaluatedAt = report.evaluatedAt();
    }

    StoredDriftReport getReport() {
        return report;
    }
}
