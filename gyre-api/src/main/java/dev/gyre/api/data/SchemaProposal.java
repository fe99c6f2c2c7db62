package dev.gyre.api.data;

import java.util.List;

/**
 * A schema inferred from a version, ready to {@code PUT} as its dataset's declared schema: each column's type,
 * whether it had missing values, the observed range of numbers, the categories of text columns with few of them,
 * and the observed missing rate. {@code fromVersion} and {@code rows} say what it was inferred from.
 */
public record SchemaProposal(List<ColumnSpec> schema, Long minRows, String onError, int fromVersion, long rows) {
}
