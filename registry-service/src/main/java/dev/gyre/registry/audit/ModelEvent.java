package dev.gyre.registry.audit;

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

/** One audit entry; never updated. */
@Entity
@Table(name = "model_event")
class ModelEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "model_id", nullable = false)
    private Long modelId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private EventType type;

    @Column(nullable = false)
    private int version;

    @Column(length = 63)
    private String alias;

    @Column(nullable = false, length = 128)
    private String actor;

    @Column(nullable = false)
    private Instant at;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<String, Object> details;

    protected ModelEvent() {
    }

    ModelEvent(Long modelId, EventType type, int version, String alias, String actor, Map<String, Object> details) {
        this.modelId = modelId;
        this.type = type;
        this.version = version;
        this.alias = alias;
        this.actor = actor;
        this.details = details;
        this.at = Instant.now();
    }

    public EventType getType() {
        return type;
    }

    public int getVersion() {
        return version;
    }

    public String getAlias() {
        return alias;
    }

    public String getActor() {
        return actor;
    }

    public Instant getAt() {
        return at;
    }

    public Map<String, Object> getDetails() {
        return details;
    }
}
