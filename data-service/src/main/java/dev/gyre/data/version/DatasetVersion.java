package dev.gyre.data.version;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One immutable version of a dataset: {@code contentHash} is the SHA-256 of the ingested bytes (its identity), its
 * rows are typed Parquet in the blob store under {@code contentKey}. A version ingested before Parquet has no
 * content key until its first read converts the CSV stored under its content hash.
 */
@Entity
@Immutable
@Table(name = "dataset_version")
class DatasetVersion {
    /** Status of a version that passed its dataset's declared schema (or had none to pass). */
    public static final String VALID = "VALID";
    public static final String INVALID = "INVALID";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "dataset_id", nullable = false)
    private Long datasetId;

    @Column(nullable = false)
    private int version;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    @Column(name = "row_count", nullable = false)
    private long rows;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private List<StoredColumn> columns;

    @Column(nullable = false, length = 16)
    private String status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private List<StoredIssue> issues;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private StoredProfile profile;

    @Column(name = "parent_version")
    private Integer parentVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, Object> recipe;

    @Column(nullable = false, length = 32)
    private String source;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<StoredStep> curation;

    @Column(name = "content_key", length = 64)
    private String contentKey;

    @Column(name = "content_size")
    private Long contentSize;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "rule_results", columnDefinition = "jsonb")
    private List<StoredRule> rules;

    /** The rows a quarantining validation set aside, as Parquet; null when none were. */
    @Column(name = "quarantine_key", length = 64)
    private String quarantineKey;

    @Column(name = "quarantined")
    private Long quarantined;

    /** A curated version's split: one value per row, in the version's row order, as Parquet; null without one. */
    @Column(name = "split_key", length = 64)
    private String splitKey;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, Long> splits;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DatasetVersion() {
    }

    DatasetVersion(Long datasetId, int version, String contentHash, long rows, List<StoredColumn> columns,
                   boolean valid, List<StoredIssue> issues, List<StoredRule> rules, StoredProfile profile,
                   String source, String contentKey, long contentSize) {
        this.rules = rules;
        this.contentKey = contentKey;
        this.contentSize = contentSize;
        this.datasetId = datasetId;
        this.version = version;
        this.contentHash = contentHash;
        this.rows = rows;
        this.columns = columns;
        this.status = valid ? VALID : INVALID;
        this.issues = issues;
        this.profile = profile;
        this.source = source;
        this.createdAt = Instant.now();
    }

    /** A version derived from {@code parent} by {@code recipe}, with what each step did. */
    DatasetVersion derived(int parent, Map<String, Object> recipe, List<StoredStep> curation) {
        this.parentVersion = parent;
        this.recipe = recipe;
        this.curation = curation;
        return this;
    }

    /** The rows a quarantine set aside, under {@code key}. */
    DatasetVersion quarantined(String key, long rows) {
        this.quarantineKey = key;
        this.quarantined = rows;
        return this;
    }

    /** The split of each row, under {@code key}, and the rows of each split. */
    DatasetVersion split(String key, Map<String, Long> counts) {
        this.splitKey = key;
        this.splits = counts;
        return this;
    }

    List<StoredRule> getRules() {
        return rules;
    }

    String getQuarantineKey() {
        return quarantineKey;
    }

    Long getQuarantined() {
        return quarantined;
    }

    String getSplitKey() {
        return splitKey;
    }

    Map<String, Long> getSplits() {
        return splits;
    }

    public List<StoredStep> getCuration() {
        return curation;
    }

    public Long getId() {
        return id;
    }

    public Long getDatasetId() {
        return datasetId;
    }

    public int getVersion() {
        return version;
    }

    public String getContentHash() {
        return contentHash;
    }

    public long getRows() {
        return rows;
    }

    List<StoredColumn> getColumns() {
        return columns;
    }

    public String getStatus() {
        return status;
    }

    List<StoredIssue> getIssues() {
        return issues;
    }

    StoredProfile getProfile() {
        return profile;
    }

    public Integer getParentVersion() {
        return parentVersion;
    }

    public Map<String, Object> getRecipe() {
        return recipe;
    }

    public String getSource() {
        return source;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The Parquet blob, or null for a version ingested as CSV before Parquet and not yet converted. */
    String getContentKey() {
        return contentKey;
    }

    Long getContentSize() {
        return contentSize;
    }
}
