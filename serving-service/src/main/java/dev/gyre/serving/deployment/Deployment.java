package dev.gyre.serving.deployment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A deployment as stored: what it serves and the version it last loaded. */
@Entity
@Table(name = "deployment")
class Deployment {
    @Id
    private String name;
    @Column(nullable = false)
    private String model;
    /** Null for a deployment pinned to a version. */
    private String alias;
    @Column(nullable = false)
    private int version;
    private Integer previousVersion;
    @Column(nullable = false)
    private String sha256;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private StoredStrategy strategy;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeploymentStatus status;
    private String error;
    @Version
    private Long revision;
    @Column(nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private Instant updatedAt;

    protected Deployment() {
    }

    Deployment(String name, Instant now) {
        this.name = name;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Points the deployment at a newly loaded version, remembering the one it replaces. */
    void serve(String model, String alias, int version, String sha256, StoredStrategy strategy, Instant now) {
        if (this.model != null && (this.version != version || !this.model.equals(model))) {
            this.previousVersion = this.version;
        }
        this.model = model;
        this.alias = alias;
        this.version = version;
        this.sha256 = sha256;
        this.strategy = strategy;
        this.status = DeploymentStatus.READY;
        this.error = null;
        this.updatedAt = now;
    }

    void fail(String error, Instant now) {
        this.status = DeploymentStatus.FAILED;
        this.error = error;
        this.updatedAt = now;
    }

    public String getName() {
        return name;
    }

    public String getModel() {
        return model;
    }

    public String getAlias() {
        return alias;
    }

    public int getVersion() {
        return version;
    }

    public Integer getPreviousVersion() {
        return previousVersion;
    }

    public String getSha256() {
        return sha256;
    }

    public StoredStrategy getStrategy() {
        return strategy;
    }

    public DeploymentStatus getStatus() {
        return status;
    }

    public String getError() {
        return error;
    }

    public Long getRevision() {
        return revision;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
