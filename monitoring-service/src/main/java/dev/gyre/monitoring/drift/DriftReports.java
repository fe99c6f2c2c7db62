package dev.gyre.monitoring.drift;

import dev.gyre.api.monitoring.DriftReportResponse;
import dev.gyre.api.monitoring.DriftWindow;
import dev.gyre.api.monitoring.FeatureDriftResponse;
import dev.gyre.api.monitoring.PredictionDriftResponse;
import dev.gyre.api.monitoring.ReferenceSpec;

/** The one mapping between stored drift reports and the wire. */
final class DriftReports {
    private DriftReports() {
    }

    static DriftReportResponse toResponse(DriftReport report) {
        StoredDriftReport r = report.getReport();
        StoredDriftReport.Prediction p = r.prediction();
        StoredDriftReport.Window w = r.window();
        StoredDriftReport.Reference ref = r.reference();
        return new DriftReportResponse(r.id(), r.deployment(), r.features().stream()
                .map(f -> new FeatureDriftResponse(f.name(), f.type(), f.test(), f.statistic(), f.pValue(), f.psi(),
                        f.drifted(), f.referenceCount(), f.currentCount(), f.note())).toList(),
                r.datasetDrift(), r.driftedShare(),
                p == null ? null : new PredictionDriftResponse(p.column(), p.test(), p.statistic(), p.pValue(),
                        p.psi(), p.drifted(), p.referenceCount(), p.currentCount(), p.note()),
                w == null ? null : new DriftWindow(w.from(), w.to(), w.rows()),
                ref == null ? null : new ReferenceSpec(ref.dataset(), ref.version()), r.evaluatedAt());
    }

    static StoredDriftReport stored(DriftReportResponse r) {
        PredictionDriftResponse p = r.prediction();
        DriftWindow w = r.window();
        ReferenceSpec ref = r.reference();
        return new StoredDriftReport(r.id(), r.deployment(), r.features().stream()
                .map(f -> new StoredDriftReport.Feature(f.name(), f.type(), f.test(), f.statistic(), f.pValue(),
                        f.psi(), f.drifted(), f.referenceCount(), f.currentCount(), f.note())).toList(),
                r.datasetDrift(), r.driftedShare(),
                p == null ? null : new StoredDriftReport.Prediction(p.column(), p.test(), p.statistic(), p.pValue(),
                        p.psi(), p.drifted(), p.referenceCount(), p.currentCount(), p.note()),
                w == null ? null : new StoredDriftReport.Window(w.from(), w.to(), w.rows()),
                ref == null ? null : new StoredDriftReport.Reference(ref.dataset(), ref.version()), r.evaluatedAt());
    }
}
