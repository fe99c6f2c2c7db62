package dev.gyre.api.data;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A dataset version; {@code status} is "VALID" or "INVALID"; {@code splits} the row count of each split
 * ({@code train}, {@code validation}, {@code test}) of a version curated with a split, else null.
 */
public record DatasetVersionResponse(String dataset, int version, String contentHash, long rows,
                                     List<ColumnSpec> columns, String status, ValidationReport validation,
                                     Lineage lineage, Instant createdAt, Map<String, Long> splits) {
}
