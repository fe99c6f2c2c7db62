package dev.gyre.core.table;

import java.util.List;
import java.util.Optional;

/**
 * The rules a dataset declares beyond its columns' types and nullability: per column, and the fewest rows a
 * version may have. With {@code quarantine}, rows failing a rule of severity error are set aside instead of making
 * the version INVALID.
 */
public record Rules(List<ColumnRules> columns, Long minRows, boolean quarantine) {
    public static final Rules NONE = new Rules(List.of(), null, false);

    public Rules {
        columns = List.copyOf(columns);
    }

    /**
     * One column's rules; null or false where a rule is not declared. {@code min} and {@code max} are inclusive;
     * {@code pattern} must match a text value in full; {@code maxMissingRate} is a share, 0 to 1.
     */
    public record ColumnRules(String column, boolean required, Double min, Double max, List<String> allowed,
                              String pattern, boolean unique, Double maxMissingRate, Severity severity) {
        public ColumnRules {
            allowed = allowed == null ? null : List.copyOf(allowed);
            severity = severity == null ? Severity.ERROR : severity;
        }
    }

    public Optional<ColumnRules> of(String column) {
        return columns.stream().filter(c -> c.column().equals(column)).findFirst();
    }
}
