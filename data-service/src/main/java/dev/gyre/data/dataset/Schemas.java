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
import dev.gyre.api.data.ColumnType;
import dev.gyre.core.table.Rules;
import dev.gyre.core.table.Severity;
import dev.gyre.core.table.Values;
import dev.gyre.core.table.TableSchema;

/** Conversions between the wire's {@link ColumnSpec} (lower-case types) and gyre-core's {@link TableSchema}. */
public final class Schemas {
    private Schemas() {
    }

    public static String typeName(dev.gyre.core.table.ColumnType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /** The stored (already normalized) declared schema as a core schema, or null when none was declared. */
    public static TableSchema toCore(List<ColumnSpec> specs) {
        return ColumnSpecs.toCore(specs);
    }

    public static final String REJECT = "reject";
    public static final String QUARANTINE = "quarantine";

    /** Says why the engine cannot run a regular expression, or null when it can. */
    public interface PatternCheck {
        String problem(String pattern);
    }

    /**
     * Checks a declared schema and its rules and normalizes it (types lower-case, {@code nullable} defaulting to
     * true, severity lower-case). Throws a 400 problem naming the field ({@code schema[i].name},
     * {@code schema[i].min}, ...) at fault.
     */
    static List<ColumnSpec> normalize(List<ColumnSpec> specs, PatternCheck patterns) {
        if (specs == null) {
            return null;
        }
        List<ColumnSpec> normalized = new ArrayList<>(specs.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            ColumnSpec spec = specs.get(i);
            String at = "schema[" + i + "]";
            if (spec == null) {
                throw invalid(at, at + " must be an object {name, type, nullable?, ...rules}");
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
            boolean numeric = spec.type() == ColumnType.NUMERIC;
            if ((spec.min() != null || spec.max() != null) && !numeric) {
                throw invalid(at + (spec.min() != null ? ".min" : ".max"), "column \"" + name + "\": min and max "
                        + "apply to numeric columns");
            }
            if (spec.min() != null && spec.max() != null && spec.min() > spec.max()) {
                throw invalid(at + ".min", "column \"" + name + "\": min " + spec.min() + " is above max " + spec.max());
            }
            if (spec.allowed() != null) {
                for (int j = 0; j < spec.allowed().size(); j++) {
                    String value = spec.allowed().get(j);
                    if (value == null || (numeric && Values.parseNumber(value) == null)
                            || (spec.type() == ColumnType.BOOLEAN && Values.parseBoolean(value) == null)) {
                        throw invalid(at + ".allowed[" + j + "]", "column \"" + name + "\": allowed value '" + value
                                + "' is not " + (numeric ? "a number" : spec.type() == ColumnType.BOOLEAN
                                ? "true or false" : "a text"));
                    }
                }
            }
            if (spec.pattern() != null) {
                if (spec.type() != ColumnType.CATEGORICAL) {
                    throw invalid(at + ".pattern", "column \"" + name + "\": a pattern applies to categorical columns");
                }
                String problem = patterns.problem(spec.pattern());
                if (problem != null) {
                    throw invalid(at + ".pattern", "column \"" + name + "\": the pattern is not a regular expression "
                            + "the engine runs: " + problem);
                }
            }
            Double rate = spec.maxMissingRate();
            if (rate != null && !(rate >= 0 && rate <= 1)) {
                throw invalid(at + ".maxMissingRate", "column \"" + name + "\": maxMissingRate must be between 0 "
                        + "and 1; got " + rate);
            }
            String severity = spec.severity() == null ? null : spec.severity().strip().toLowerCase(Locale.ROOT);
            if (severity != null && !severity.equals("error") && !severity.equals("warning")) {
                throw invalid(at + ".severity", "column \"" + name + "\": severity must be \"error\" or "
                        + "\"warning\"; got '" + spec.severity() + "'");
            }
            normalized.add(new ColumnSpec(name, spec.type(), spec.nullable() == null || spec.nullable(),
                    spec.required(), spec.min(), spec.max(), spec.allowed(), spec.pattern(), spec.unique(),
                    spec.maxMissingRate(), severity));
        }
        return List.copyOf(normalized);
    }

    /** {@code reject} (also for null) or {@code quarantine}; anything else a 400 naming {@code field}. */
    static String onError(String value, String field) {
        if (value == null) {
            return REJECT;
        }
        String normalized = value.strip().toLowerCase(Locale.ROOT);
        if (!normalized.equals(REJECT) && !normalized.equals(QUARANTINE)) {
            throw invalid(field, "onError must be \"reject\" or \"quarantine\"; got '" + value + "'");
        }
        return normalized;
    }

    static Long minRows(Long value, String field) {
        if (value != null && value < 0) {
            throw invalid(field, "minRows must not be negative; got " + value);
        }
        return value;
    }

    /** The declared rules as gyre-core's, for the writer. */
    public static Rules toRules(List<ColumnSpec> specs, Long minRows, String onError) {
        if (specs == null) {
            return Rules.NONE;
        }
        return new Rules(specs.stream().map(s -> new Rules.ColumnRules(s.name(), !Boolean.FALSE.equals(s.required()),
                s.min(), s.max(), s.allowed(), s.pattern(), Boolean.TRUE.equals(s.unique()), s.maxMissingRate(),
                "warning".equals(s.severity()) ? Severity.WARNING : Severity.ERROR)).toList(), minRows,
                QUARANTINE.equals(onError));
    }

    private static RuntimeException invalid(String field, String detail) {
        return Problems.of(ProblemCode.INVALID_SCHEMA, detail, Map.of("field", field));
    }
}
