package dev.gyre.training.experiment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named group of runs; created by the first job that names it. */
@Entity
@Table(name = "experiment")
class Experiment {
    @Id
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Experiment() {
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
