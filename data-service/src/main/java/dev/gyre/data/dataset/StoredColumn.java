package dev.gyre.data.dataset;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A declared column as stored in the dataset's jsonb column, apart from the wire's {@code ColumnSpec}: {@code type}
 * is the wire spelling ({@code "numeric"}, {@code "categorical"}, {@code "boolean"}), so rows written before this
 * record read unchanged; the rules are null where not declared.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StoredColumn(String name, String type, Boolean nullable, Boolean required, Double min, Double max,
                    List<String> allowed, String pattern, Boolean unique, Double maxMissingRate, String severity) {
}
