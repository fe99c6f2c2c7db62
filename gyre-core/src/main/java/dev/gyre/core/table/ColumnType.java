package dev.gyre.core.table;

/** The type of a column, inferred from its values or declared in a schema. */
public enum ColumnType {
    /** Every present value parses as a finite double. */
    NUMERIC,
    /** Every present value is one of true/false (case-insensitive). */
    BOOLEAN,
    /** Anything else: values are kept as strings. */
    CATEGORICAL
}
