package dev.gyre.api.data;

import java.util.List;

/** {@code POST /api/v1/datasets}; {@code schema} is optional and, when given, every version is validated against it. */
public record CreateDatasetRequest(String name, String description, String labelColumn, List<ColumnSpec> schema) {
}
