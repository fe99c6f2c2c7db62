package dev.gyre.data.dataset;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.data.ColumnSpec;
import dev.gyre.boot.schema.ColumnSpecs;
import dev.gyre.core.table.ColumnType;
import dev.gyre.core.table.TableSchema;

/** Conversions between the wire's {@link ColumnSpec} (lower-case types) and gyre-core's {@link TableSchema}. */
public final class Schemas {
    private Schemas() {
    }

    public static String typeName(ColumnType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /** The stored (already normalized) declared schema as a core schema, or null when none was declared. */
    public static TableSchema toCore(List<ColumnSpec> specs) {
        return ColumnSpecs.toCore(specs);
    }

    /**
     * Checks a declared schema and normalizes it (types lower-case, {@code nullable} defaulting to true).
     * Throws a 400 problem naming the field ({@code schema[i].name}, {@code schema[i].type}) at fault.
     */
    static List<ColumnSpec> normalize(List<ColumnSpec> specs) {
        if (specs == null) {
            return null;
        }
        List<ColumnSpec> normalized = new ArrayList<>(specs.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            ColumnSpec spec = specs.get(i);
            String at = "schema[" + i + "]";
            if (spec == null) {
                throw invalid(at, at + " must be an object {name, type, nullable?}");
            }
            if (spec.name() == null || spec.name().isBlank()) {
                throw invalid(at + ".name", at + ".name must not be blank");
            }
            String name = spec.name().strip();
            if (!names.add(name)) {
                throw invalid(at + ".name", "column \"" + name + "\" is declared twice");
            }
            if (spec.type() == null) {
                // an unknown type is refused while the body is read (ColumnType.of), with the same code and field
                throw invalid(at + ".type", at + ".type must be one of numeric, categorical, boolean; got 'null'");
            }
            normalized.add(new ColumnSpec(name, spec.type(), spec.nullable() == null || spec.nullable()));
        }
        return List.copyOf(normalized);
    }

    private static RuntimeException invalid(String field, String detail) {
        return Problems.of(ProblemCode.INVALID_SCHEMA, detail, Map.of("field", field));
    }
}
