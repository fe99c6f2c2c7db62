package dev.gyre.core.drift;

import java.util.List;

/** Aggregates per-feature drift into {@link DatasetDrift}. */
public final class DriftReportCalculator {
    private DriftReportCalculator() {
    }

    /** {@code datasetDrift} is {@code share >= thresholds.datasetShare()}; no features means no drift. */
    public static DatasetDrift summarize(List<FeatureDrift> features, DriftThresholds thresholds) {
        int drifted = (int) features.stream().filter(FeatureDrift::drifted).count();
        double share = features.isEmpty() ? 0.0 : (double) drifted / features.size();
        boolean datasetDrift = !features.isEmpty() && share >= thresholds.datasetShare();
        return new DatasetDrift(features.size(), drifted, share, datasetDrift);
    }
}
