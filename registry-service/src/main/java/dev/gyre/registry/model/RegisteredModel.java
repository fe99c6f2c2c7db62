package dev.gyre.registry.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named model, created by its first registration; its versions are {@link ModelVersion}s. */
@Entity
@Table(name = "registered_model")
class RegisteredModel {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 63)
    private String name;

    @Column(columnDefinition = "text")
    private String description;

    @Column(name = "latest_version")
    private Integer latestVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected RegisteredModel() {
    }

    /** Claims the next version number; call only while holding the row lock. */
    int nextVersion() {
        latestVersion = latestVersion == null ? 1 : latestVersion + 1;
        return latestVersion;
    }

    void describe(String description) {
        this.description = description;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public Integer getLatestVersion() {
        return latestVersion;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
