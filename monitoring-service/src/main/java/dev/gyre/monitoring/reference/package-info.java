/** Reference dataset versions, read from data-service through {@code DataApi} and kept parsed in memory. */
package dev.gyre.monitoring.reference;
