/**
 * The all-in-one launcher: one embedded PostgreSQL, the five services and the gateway each in its own
 * JVM, their output interleaved with a name prefix, started and stopped together.
 */
package dev.gyre.allinone;
