package dev.gyre.monitoring.monitor;

/**
 * A monitor's effective thresholds as stored in its jsonb column, apart from the wire's {@code ThresholdsSpec}:
 * always complete (defaults are filled in before a monitor is saved).
 */
record StoredThresholds(double alpha, double psi, double datasetShare) {
}
