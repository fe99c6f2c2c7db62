package dev.gyre.monitoring.drift;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.data.ColumnSpec;
import dev.gyre.api.data.ColumnType;
import dev.gyre.api.monitoring.DriftReportResponse;
import dev.gyre.api.monitoring.DriftWindow;
import dev.gyre.api.monitoring.FeatureDriftResponse;
import dev.gyre.api.monitoring.PredictionDriftResponse;
import dev.gyre.api.monitoring.ReferenceSpec;
import dev.gyre.core.drift.DatasetDrift;
import dev.gyre.core.drift.DriftReportCalculator;
import dev.gyre.core.drift.DriftTests;
import dev.gyre.core.drift.DriftThresholds;
import dev.gyre.core.drift.FeatureDrift;
import dev.gyre.core.table.Values;
import dev.gyre.monitoring.alert.Alerts;
import dev.gyre.monitoring.monitor.MonitorService;
import dev.gyre.monitoring.prediction.LoggedPrediction;
import dev.gyre.monitoring.prediction.PredictionLogStore;
import dev.gyre.core.table.Categories;
import dev.gyre.monitoring.reference.Reference;
import dev.gyre.monitoring.reference.ReferenceClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates drift of a deployment: the logged predictions of its monitor's window against the reference
 * version. The statistics are core's ({@link DriftTests}, {@link DriftReportCalculator}); this class only
 * gathers the samples, keeps untestable features in the report with a note, and stores the result.
 */
@Service
public class DriftService {
    private final MonitorService monitors;
    private final PredictionLogStore predictions;
    private final ReferenceClient references;
    private final DriftReportRepository reports;
    private final Alerts alerts;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;
    private final Map<String, AtomicInteger> driftedFeatures = new ConcurrentHashMap<>();

    DriftService(MonitorService monitors, PredictionLogStore predictions, ReferenceClient references,
                 DriftReportRepository reports, Alerts alerts, TransactionTemplate transaction, MeterRegistry meters) {
        this.monitors = monitors;
        this.predictions = predictions;
        this.references = references;
        this.reports = reports;
        this.alerts = alerts;
        this.transaction = transaction;
        this.meters = meters;
    }

    /** Evaluates now, stores the report (and an alert when the dataset drifted) and returns it. */
    public DriftReportResponse evaluate(String deployment) {
        MonitorService.Settings monitor = monitors.find(deployment);
        List<LoggedPrediction> window = predictions.window(deployment, monitor.windowSize(),
                monitor.windowDuration());
        if (window.isEmpty()) {
            throw Problems.of(ProblemCode.NO_PREDICTIONS, "no predictions of deployment '" + deployment
                    + "' are logged in the monitor's window");
        }
        Reference reference = references.reference(monitor.referenceDataset(), monitor.referenceVersion());
        String label = monitor.label() != null ? monitor.label() : references.labelColumn(monitor.referenceDataset());
        DriftThresholds thresholds = monitor.thresholds();

        List<FeatureDriftResponse> features = new ArrayList<>();
        List<FeatureDrift> tested = new ArrayList<>();
        for (ColumnSpec column : reference.columns()) {
            if (column.name().equals(label)) {
                continue;
            }
            FeatureDriftResponse feature = feature(column, reference, window, thresholds, tested);
            features.add(feature);
        }
        DatasetDrift dataset = DriftReportCalculator.summarize(tested, thresholds);
        PredictionDriftResponse prediction = prediction(label, reference, window, thresholds);

        Instant from = window.stream().map(LoggedPrediction::timestamp).min(Instant::compareTo).orElseThrow();
        Instant to = window.stream().map(LoggedPrediction::timestamp).max(Instant::compareTo).orElseThrow();
        DriftReportResponse report = new DriftReportResponse(UUID.randomUUID(), deployment, List.copyOf(features),
                dataset.datasetDrift(), dataset.share(), prediction, new DriftWindow(from, to, window.size()),
                new ReferenceSpec(reference.dataset(), reference.version()), Instant.now());
        transaction.executeWithoutResult(status -> {
            reports.save(new DriftReport(DriftReports.stored(report)));
            if (report.datasetDrift()) {
                alerts.raise(deployment, Alerts.DATA_DRIFT, message(deployment, dataset, features), report.id(),
                        report.evaluatedAt());
            }
        });
        record(deployment, dataset);
        return report;
    }

    /** The latest report of a deployment, or a 404 problem. */
    public DriftReportResponse latest(String deployment) {
        return reports.findFirstByDeploymentOrderByEvaluatedAtDesc(deployment).map(DriftReports::toResponse)
                .orElseThrow(() -> Problems.notFound("drift report of deployment", deployment));
    }

    private static FeatureDriftResponse feature(ColumnSpec column, Reference reference, List<LoggedPrediction> window,
                                                DriftThresholds thresholds, List<FeatureDrift> tested) {
        String name = column.name();
        boolean numeric = column.type() == ColumnType.NUMERIC;
        String type = numeric ? "numeric" : "categorical";
        String test = numeric ? "ks" : "chi2";
        FeatureDrift drift;
        if (numeric) {
            double[] ref = reference.numeric().get(name);
            double[] cur = window.stream().mapToDouble(p -> number(p.inputs().get(name))).toArray();
            long refCount = Arrays.stream(ref).filter(v -> !Double.isNaN(v)).count();
            long curCount = Arrays.stream(cur).filter(v -> !Double.isNaN(v)).count();
            String note = note(name, refCount, curCount, window, DriftTests.MIN_NUMERIC_VALUES);
            if (note != null) {
                return new FeatureDriftResponse(name, type, test, null, null, null, false, refCount, curCount, note);
            }
            drift = DriftTests.numeric(name, ref, cur, thresholds);
        } else {
            boolean bool = column.type() == ColumnType.BOOLEAN;
            List<String> ref = reference.categorical().get(name);
            List<String> cur = window.stream().map(p -> category(p.inputs().get(name), bool)).toList();
            long refCount = ref.stream().filter(Objects::nonNull).count();
            long curCount = cur.stream().filter(Objects::nonNull).count();
            String note = note(name, refCount, curCount, window, 1);
            if (note != null) {
                return new FeatureDriftResponse(name, type, test, null, null, null, false, refCount, curCount, note);
            }
            drift = DriftTests.categorical(name, ref, cur, thresholds);
        }
        tested.add(drift);
        return new FeatureDriftResponse(name, drift.type(), drift.test(), drift.statistic(), drift.pValue(),
                drift.psi(), drift.drifted(), drift.referenceCount(), drift.currentCount(), null);
    }

    /** Why a feature cannot be tested, or null if it can: each side needs at least {@code min} present values. */
    private static String note(String name, long refCount, long curCount, List<LoggedPrediction> window, int min) {
        if (refCount == 0) {
            return "not tested: the reference has no value for this feature";
        }
        if (curCount == 0) {
            boolean absent = window.stream().noneMatch(p -> p.inputs().containsKey(name));
            return absent ? "not tested: absent from every logged input"
                    : "not tested: no logged input has a usable value for this feature";
        }
        if (refCount < min || curCount < min) {
            return "not tested: the test needs at least " + min + " values on each side";
        }
        return null;
    }

    private static PredictionDriftResponse prediction(String label, Reference reference, List<LoggedPrediction> window,
                                                      DriftThresholds thresholds) {
        if (label == null) {
            return untested(null, "not tested: neither the monitor nor the reference dataset names a label column");
        }
        ColumnSpec column = reference.columns().stream().filter(c -> c.name().equals(label)).findFirst().orElse(null);
        if (column == null) {
            return untested(label, "not tested: the label column is not in the reference version");
        }
        FeatureDrift drift;
        if (column.type() == ColumnType.NUMERIC) {
            double[] ref = reference.numeric().get(label);
            double[] cur = window.stream().mapToDouble(p -> p.value() == null ? Double.NaN : p.value()).toArray();
            if (Arrays.stream(cur).filter(v -> !Double.isNaN(v)).count() < DriftTests.MIN_NUMERIC_VALUES
                    || Arrays.stream(ref).filter(v -> !Double.isNaN(v)).count() < DriftTests.MIN_NUMERIC_VALUES) {
                return untested(label, "not tested: the test needs at least " + DriftTests.MIN_NUMERIC_VALUES
                        + " predicted values");
            }
            drift = DriftTests.numeric(label, ref, cur, thresholds);
        } else {
            boolean bool = column.type() == ColumnType.BOOLEAN;
            List<String> ref = reference.categorical().get(label);
            List<String> cur = window.stream().map(p -> category(p.label(), bool)).toList();
            if (cur.stream().allMatch(Objects::isNull) || ref.stream().allMatch(Objects::isNull)) {
                return untested(label, "not tested: no logged prediction has a label");
            }
            drift = DriftTests.categorical(label, ref, cur, thresholds);
        }
        return new PredictionDriftResponse(label, drift.test(), drift.statistic(), drift.pValue(), drift.psi(),
                drift.drifted(), drift.referenceCount(), drift.currentCount(), null);
    }

    private static String category(Object value, boolean bool) {
        return bool ? Categories.ofBoolean(value) : Categories.of(value);
    }

    private static PredictionDriftResponse untested(String column, String note) {
        return new PredictionDriftResponse(column, null, null, null, null, false, 0, 0, note);
    }

    /** A logged input as a number: JSON numbers, and strings that parse as one; anything else is missing. */
    private static double number(Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? d : Double.NaN;
        }
        if (value instanceof String s) {
            Double d = Values.parseNumber(s);
            return d == null ? Double.NaN : d;
        }
        return Double.NaN;
    }

    private static String message(String deployment, DatasetDrift dataset, List<FeatureDriftResponse> features) {
        String drifted = features.stream().filter(FeatureDriftResponse::drifted).map(FeatureDriftResponse::name)
                .collect(Collectors.joining(", "));
        return String.format("Data drift on deployment '%s': %d of %d tested features drifted (%s)",
                deployment, dataset.drifted(), dataset.features(), drifted);
    }

    private void record(String deployment, DatasetDrift dataset) {
        meters.counter("gyre.monitoring.drift.evaluations", "deployment", deployment,
                "datasetDrift", Boolean.toString(dataset.datasetDrift())).increment();
        driftedFeatures.computeIfAbsent(deployment, d -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder("gyre.monitoring.drift.features.drifted", value, AtomicInteger::get)
                    .description("Features found drifted by the latest evaluation")
                    .tag("deployment", d).register(meters);
            return value;
        }).set(dataset.drifted());
    }
}
