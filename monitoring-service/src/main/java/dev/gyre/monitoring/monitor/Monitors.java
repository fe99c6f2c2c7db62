package dev.gyre.monitoring.monitor;

import dev.gyre.api.monitoring.MonitorResponse;
import dev.gyre.api.monitoring.ReferenceSpec;
import dev.gyre.api.monitoring.ThresholdsSpec;
import dev.gyre.api.monitoring.WindowSpec;
import dev.gyre.core.drift.DriftThresholds;

/** The one mapping between stored monitors, core's thresholds and the wire. */
final class Monitors {
    private Monitors() {
    }

    /** {@code windowSize} is the effective one: the monitor's own, or the service's default. */
    static MonitorResponse toResponse(Monitor m, int windowSize) {
        StoredThresholds t = m.getThresholds();
        return new MonitorResponse(m.getDeployment(),
                new ReferenceSpec(m.getReferenceDataset(), m.getReferenceVersion()), m.getLabel(),
                new WindowSpec(windowSize, m.getWindowDuration()),
                new ThresholdsSpec(t.alpha(), t.psi(), t.datasetShare()), m.getRetrain(), m.getPromotion(),
                m.getCreatedAt(), m.getUpdatedAt());
    }

    static StoredThresholds stored(DriftThresholds t) {
        return new StoredThresholds(t.alpha(), t.psi(), t.datasetShare());
    }

    static DriftThresholds thresholds(StoredThresholds t) {
        return new DriftThresholds(t.alpha(), t.psi(), t.datasetShare());
    }
}
