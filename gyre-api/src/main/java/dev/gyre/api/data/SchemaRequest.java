package dev.gyre.api.data;

import java.util.List;

/**
 * {@code PUT /api/v1/datasets/{name}/schema}: the declared columns with their rules, the fewest rows a version may
 * have, and what a version with failing rows becomes: {@code "reject"} (stored INVALID, the default) or
 * {@code "quarantine"} (the failing rows set aside, the rest stored). A schema proposal has this shape.
 */
public record SchemaRequest(List<ColumnSpec> schema, Long minRows, String onError) {
}
