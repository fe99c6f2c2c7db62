package dev.gyre.api.data;

import java.util.List;

/** {@code GET /api/v1/datasets/{name}/versions/{v}/profile}: row count and one profile per column. */
public record DatasetProfileResponse(long rows, List<ColumnProfileResponse> columns) {
}
