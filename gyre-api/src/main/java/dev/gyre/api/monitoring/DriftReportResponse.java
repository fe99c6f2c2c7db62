package dev.gyre.api.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A drift report: every reference feature, the dataset-level verdict, and prediction drift. */
public record DriftReportResponse(UUID id, String deployment, List<FeatureDriftResponse> features,
                                  boolean datasetDrift, double driftedShare, PredictionDriftResponse prediction,
                                  DriftWindow window, ReferenceSpec reference, Instant evaluatedAt) {
}
