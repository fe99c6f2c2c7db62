package dev.gyre.data.dataset;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A named dataset; its versions are stored by the version feature. */
@Entity
@Table(name = "dataset")
class Dataset {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 63)
    private String name;

    @Column(columnDefinition = "text")
    private String description;

    @Column(name = "label_column", columnDefinition = "text")
    private String labelColumn;

    /** Declared columns with lower-case types and non-null {@code nullable}; null when none was declared. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "declared_schema", columnDefinition = "jsonb")
    private List<StoredColumn> schema;

    @Column(name = "min_rows")
    private Long minRows;

    /** {@code reject} or {@code quarantine}. */
    @Column(name = "on_error", nullable = false, length = 16)
    private String onError = Schemas.REJECT;

    @Column(name = "latest_version")
    private Integer latestVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Dataset() {
    }

    Dataset(String name, String description, String labelColumn, List<StoredColumn> schema) {
        this.name = name;
        this.description = description;
        this.labelColumn = labelColumn;
        this.schema = schema;
        this.createdAt = Instant.now();
    }

    /** Replaces the declared schema and rules; versions already stored keep what they were checked against. */
    void declare(List<StoredColumn> schema, Long minRows, String onError) {
        this.schema = schema;
        this.minRows = minRows;
        this.onError = onError;
    }

    Long getMinRows() {
        return minRows;
    }

    String getOnError() {
        return onError;
    }

    /** Claims the next version number; call only while holding the row lock ({@link DatasetRepository#lockById}). */
    public int nextVersion() {
        latestVersion = latestVersion == null ? 1 : latestVersion + 1;
        return latestVersion;
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

    public String getLabelColumn() {
        return labelColumn;
    }

    List<StoredColumn> getSchema() {
        return schema;
    }

    public Integer getLatestVersion() {
        return latestVersion;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
