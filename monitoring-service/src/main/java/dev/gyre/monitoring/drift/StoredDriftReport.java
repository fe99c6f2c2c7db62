package dev.gyre.monitoring.drift;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A drift report as stored in its jsonb column, apart from the wire's {@code DriftReportResponse}: the field names
 * are the ones stored reports were written with, so a change to the contract cannot change how old reports read.
 */
record StoredDriftReport(UUID id, String deployment, List<Feature> features, boolean datasetDrift,
                         double driftedShare, Prediction prediction, Window window, Reference reference,
                         Instant evaluatedAt) {

    record Feature(String name, String type, String test, Double statistic, Double pValue, Double psi,
                   boolean drifted, long referenceCount, long currentCount, String note) {
    }

    record Prediction(String column, String test, Double statistic, Double pValue, Double psi, boolean drifted,
                      long referenceCount, long currentCount, String note) {
    }

    record Window(Instant from, Instant to, int rows) {
    }

    record Reference(String dataset, Integer version) {
    }
}
