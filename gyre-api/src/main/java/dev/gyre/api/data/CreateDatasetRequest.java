package dev.gyre.api.data;

import java.util.List;

/**
 * {@code POST /api/v1/datasets}; {@code schema} is optional and, when given, every version is validated against it,
 * with {@code minRows} and {@code onError} as in {@link SchemaRequest}.
 */
public record CreateDatasetRequest(String name, String description, String labelColumn, List<ColumnSpec> schema,
                                   Long minRows, String onError) {
    public CreateDatasetRequest(String name, String description, String labelColumn, List<ColumnSpec> schema) {
        this(name, description, labelColumn, schema, null, null);
    }
}
