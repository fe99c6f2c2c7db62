package dev.gyre.data.dataset;

import java.util.List;

import dev.gyre.api.data.ColumnSpec;
import dev.gyre.api.data.ColumnType;
import dev.gyre.api.data.DatasetResponse;
import dev.gyre.data.dataset.DatasetService.DatasetRef;

/** The one mapping between stored datasets and the wire. */
final class Datasets {
    private Datasets() {
    }

    static DatasetResponse toResponse(Dataset dataset) {
        return new DatasetResponse(dataset.getName(), dataset.getDescription(), dataset.getLabelColumn(),
                toWire(dataset.getSchema()), dataset.getLatestVersion(), dataset.getCreatedAt(), dataset.getMinRows(),
                dataset.getOnError());
    }

    static DatasetRef toRef(Dataset dataset) {
        return new DatasetRef(dataset.getId(), dataset.getName(), dataset.getLabelColumn(),
                toWire(dataset.getSchema()), dataset.getMinRows(), dataset.getOnError());
    }

    /** Null (no schema declared) stays null. */
    static List<StoredColumn> stored(List<ColumnSpec> specs) {
        return specs == null ? null : specs.stream()
                .map(s -> new StoredColumn(s.name(), s.type().json(), s.nullable(), s.required(), s.min(), s.max(),
                        s.allowed(), s.pattern(), s.unique(), s.maxMissingRate(), s.severity())).toList();
    }

    static List<ColumnSpec> toWire(List<StoredColumn> columns) {
        return columns == null ? null : columns.stream()
                .map(c -> new ColumnSpec(c.name(), ColumnType.of(c.type()), c.nullable(), c.required(), c.min(),
                        c.max(), c.allowed(), c.pattern(), c.unique(), c.maxMissingRate(), c.severity())).toList();
    }
}
