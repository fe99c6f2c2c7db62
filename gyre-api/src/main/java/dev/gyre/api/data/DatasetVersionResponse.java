package dev.gyre.api.data;

import java.time.Instant;
import java.util.List;

/** A dataset version; {@code status} is "VALID" or "INVALID". */
public record DatasetVersionResponse(String dataset, int version, String contentHash, long rows,
                                     List<ColumnSpec> columns, String status, ValidationReport validation,
                                     Lineage lineage, Instant createdAt) {
}
