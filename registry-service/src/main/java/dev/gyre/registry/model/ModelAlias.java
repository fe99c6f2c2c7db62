package dev.gyre.registry.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A movable name for one version of a model ({@code champion}, {@code challenger}, ...). */
@Entity
@Table(name = "model_alias")
class ModelAlias {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "model_id", nullable = false)
    private Long modelId;

    @Column(nullable = false, length = 63)
    private String alias;

    @Column(nullable = false)
    private int version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ModelAlias() {
    }

    ModelAlias(Long modelId, String alias, int version) {
        this.modelId = modelId;
        this.alias = alias;
        this.version = version;
        this.updatedAt = Instant.now();
    }

    void moveTo(int version) {
        this.version = version;
        this.updatedAt = Instant.now();
    }

    public Long getModelId() {
        return modelId;
    }

    public String getAlias() {
        return alias;
    }

    public int getVersion() {
        return version;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
