package dev.gyre.monitoring.alert;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An alert as stored. */
@Entity
@Table(name = "alert")
class Alert {
    @Id
    private UUID id;
    @Column(nullable = false)
    private String deployment;
    @Column(nullable = false)
    private String type;
    @Column(nullable = false)
    private String message;
    @Column(name = "report_id")
    private UUID reportId;
    @Column(nullable = false)
    private Instant at;

    protected Alert() {
    }

    Alert(UUID id, String deployment, String type, String message, UUID reportId, Instant at) {
        this.id = id;
        this.deployment = deployment;
        this.type = type;
        this.message = message;
        this.reportId = reportId;
        this.at = at;
    }

    UUID getId() {
        return id;
    }

    String getDeployment() {
        return deployment;
    }

    String getType() {
        return type;
    }

    String getMessage() {
        return message;
    }

    UUID getReportId() {
        return reportId;
    }

    Instant getAt() {
        return at;
    }
}
