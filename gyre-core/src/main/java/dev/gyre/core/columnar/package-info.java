/**
 * The columnar data plane: an embedded analytical engine (DuckDB) that turns CSV and Parquet uploads into typed
 * Parquet versions, infers types, validates against a declared schema and profiles in SQL, and reads Parquet back
 * column by column. Memory grows with columns, not rows: the engine streams and spills to disk.
 */
package dev.gyre.core.columnar;
