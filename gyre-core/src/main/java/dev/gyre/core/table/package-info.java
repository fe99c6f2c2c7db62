/**
 * Tables of string cells and what they are checked against: the strict CSV reader and writer, column types and
 * their inference, value parsing shared by every reader, and validation of a table against a declared schema.
 */
package dev.gyre.core.table;
