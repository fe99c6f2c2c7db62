package dev.gyre.api.data;

import java.time.Instant;
import java.util.List;

/** A dataset; {@code onError} is {@code "reject"} or {@code "quarantine"}, {@code minRows} null when not declared. */
public record DatasetResponse(String name, String description, String labelColumn, List<ColumnSpec> schema,
                              Integer latestVersion, Instant createdAt, Long minRows, String onError) {
}
