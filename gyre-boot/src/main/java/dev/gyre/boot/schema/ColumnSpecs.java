package dev.gyre.boot.schema;

import java.util.List;

import dev.gyre.api.data.ColumnSpec;
import dev.gyre.api.data.ColumnType;
import dev.gyre.core.table.Column;
import dev.gyre.core.table.TableSchema;

/** The one mapping between the wire's {@link ColumnSpec} and gyre-core's {@link Column} / {@link TableSchema}. */
public final class ColumnSpecs {
    private ColumnSpecs() {
    }

    public static ColumnSpec toSpec(Column column) {
        return new ColumnSpec(column.name(), toApi(column.type()), column.nullable());
    }

    /** A column; {@code nullable} absent means nullable. */
    public static Column toCore(ColumnSpec spec) {
        return new Column(spec.name(), toCore(spec.type()), spec.nullable() == null || spec.nullable());
    }

    /** The specs as a core schema, or null when there are none (no schema declared). */
    public static TableSchema toCore(List<ColumnSpec> specs) {
        return specs == null ? null : new TableSchema(specs.stream().map(ColumnSpecs::toCore).toList());
    }

    public static dev.gyre.core.table.ColumnType toCore(ColumnType type) {
        return dev.gyre.core.table.ColumnType.valueOf(type.name());
    }

    public static ColumnType toApi(dev.gyre.core.table.ColumnType type) {
        return ColumnType.valueOf(type.name());
    }
}
