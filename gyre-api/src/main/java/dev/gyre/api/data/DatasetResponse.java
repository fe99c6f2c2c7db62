package dev.gyre.api.data;

import java.time.Instant;
import java.util.List;

public record DatasetResponse(String name, String description, String labelColumn, List<ColumnSpec> schema,
                              Integer latestVersion, Instant createdAt) {
}
