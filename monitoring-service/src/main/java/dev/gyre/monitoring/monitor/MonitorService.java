package dev.gyre.monitoring.monitor;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import dev.gyre.api.Names;
import dev.gyre.api.PageResponse;
import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.data.ColumnSpec;
import dev.gyre.api.data.DatasetVersionResponse;
import dev.gyre.api.monitoring.MonitorRequest;
import dev.gyre.api.monitoring.MonitorResponse;
import dev.gyre.api.monitoring.ReferenceSpec;
import dev.gyre.api.monitoring.ThresholdsSpec;
import dev.gyre.api.monitoring.WindowSpec;
import dev.gyre.boot.page.Pages;
import dev.gyre.core.drift.DriftThresholds;
import dev.gyre.monitoring.MonitoringProperties;
import dev.gyre.monitoring.reference.ReferenceClient;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates, updates and reads monitors; the reference must exist in data-service. */
@Service
public class MonitorService {
    /** The longest window a monitor may look back over: ten years. */
    static final Duration MAX_WINDOW = Duration.ofDays(3650);
    private static final int MAX_DURATION_TEXT = 64;

    private final MonitorRepository monitors;
    private final ReferenceClient references;
    private final MonitoringProperties properties;
    private final TransactionTemplate transaction;

    MonitorService(MonitorRepository monitors, ReferenceClient references, MonitoringProperties properties,
                   TransactionTemplate transaction) {
        this.monitors = monitors;
        this.references = references;
        this.properties = properties;
        this.transaction = transaction;
    }

    /** The result of a PUT: the monitor and whether it was created. */
    public record Saved(MonitorResponse monitor, boolean created) {
    }

    /** What an evaluation of a monitor looks at: its reference version, label, window and thresholds. */
    public record Settings(String deployment, String referenceDataset, int referenceVersion, String label,
                           int windowSize, Duration windowDuration, DriftThresholds thresholds) {
    }

    public Saved put(String deployment, MonitorRequest request) {
        Names.require("deployment", deployment);
        if (request == null) {
            throw Problems.of(ProblemCode.MISSING_FIELD, "a monitor needs a body with a reference",
                    Map.of("field", "reference"));
        }
        ReferenceSpec reference = request.reference();
        if (reference == null || reference.dataset() == null || reference.version() == null) {
            throw Problems.of(ProblemCode.MISSING_FIELD, "reference {dataset, version} is required",
                    Map.of("field", "reference"));
        }
        Names.require("reference.dataset", reference.dataset());
        if (reference.version() < 1) {
            throw Problems.of(ProblemCode.INVALID_FIELD, "reference.version must be at least 1",
                    Map.of("field", "reference.version"));
        }
        WindowSpec window = request.window() == null ? new WindowSpec(null, null) : request.window();
        if (window.size() != null && window.size() < 1) {
            throw Problems.of(ProblemCode.INVALID_FIELD, "window.size must be at least 1", Map.of("field", "window.size"));
        }
        if (window.duration() != null) {
            duration(window.duration());
        }
        DriftThresholds thresholds = effective(request.thresholds());
        // the peer call happens before any write: a failure leaves nothing half-done
        DatasetVersionResponse version = references.version(reference.dataset(), reference.version());
        if (request.label() != null && version.columns().stream().map(ColumnSpec::name)
                .noneMatch(request.label()::equals)) {
            throw Problems.of(ProblemCode.UNKNOWN_COLUMN, "label '" + request.label() + "' is not a column of "
                    + reference.dataset() + " version " + reference.version(), Map.of("field", "label"));
        }
        return transaction.execute(status -> {
            Instant now = Instant.now();
            Monitor existing = monitors.findById(deployment).orElse(null);
            Monitor monitor = existing == null ? new Monitor(deployment, now) : existing;
            monitor.update(reference.dataset(), reference.version(), request.label(), window.size(),
                    window.duration(), Monitors.stored(thresholds), request.retrain(), request.promotion(), now);
            return new Saved(response(monitors.save(monitor)), existing == null);
        });
    }

    public MonitorResponse get(String deployment) {
        return response(require(deployment));
    }

    public PageResponse<MonitorResponse> list(int page, int size) {
        return Pages.response(monitors.findAll(Pages.pageable(page, size, Sort.by("deployment"))), this::response);
    }

    /** The settings of a deployment's monitor, or a 404 problem. */
    public Settings find(String deployment) {
        Monitor m = require(deployment);
        return new Settings(m.getDeployment(), m.getReferenceDataset(), m.getReferenceVersion(), m.getLabel(),
                windowSize(m), windowDuration(m), Monitors.thresholds(m.getThresholds()));
    }

    private Monitor require(String deployment) {
        return monitors.findById(deployment).orElseThrow(() -> Problems.notFound("monitor", deployment));
    }

    /** The predictions an evaluation of this monitor looks at. */
    private int windowSize(Monitor monitor) {
        return monitor.getWindowSize() == null ? properties.defaultWindowSize() : monitor.getWindowSize();
    }

    /** The monitor's window duration, or null for no time limit. */
    private static Duration windowDuration(Monitor monitor) {
        return monitor.getWindowDuration() == null ? null : duration(monitor.getWindowDuration());
    }

    private static Duration duration(String iso) {
        if (iso.length() > MAX_DURATION_TEXT) {
            throw Problems.of(ProblemCode.INVALID_FIELD, "window.duration must be an ISO-8601 duration of at most "
                    + MAX_DURATION_TEXT + " characters, such as PT24H", Map.of("field", "window.duration"));
        }
        Duration duration;
        try {
            duration = Duration.parse(iso);
        } catch (DateTimeParseException e) {
            duration = null;
        }
        if (duration == null || duration.isNegative() || duration.isZero() || duration.compareTo(MAX_WINDOW) > 0) {
            throw Problems.of(ProblemCode.INVALID_FIELD, "window.duration must be a positive ISO-8601 duration of "
                    + "at most " + MAX_WINDOW.toDays() + " days (P" + MAX_WINDOW.toDays() + "D), such as PT24H, got '"
                    + iso + "'", Map.of("field", "window.duration"));
        }
        return duration;
    }

    /** The given thresholds with defaults filled in, or an {@code invalid-field} problem naming the one at fault. */
    private static DriftThresholds effective(ThresholdsSpec given) {
        DriftThresholds d = DriftThresholds.DEFAULT;
        if (given == null) {
            return d;
        }
        try {
            return new DriftThresholds(given.alpha() == null ? d.alpha() : given.alpha(),
                    given.psi() == null ? d.psi() : given.psi(),
                    given.datasetShare() == null ? d.datasetShare() : given.datasetShare());
        } catch (DriftThresholds.InvalidThreshold e) {
            throw Problems.of(ProblemCode.INVALID_FIELD, e.getMessage(), Map.of("field", "thresholds." + e.threshold()));
        }
    }

    private MonitorResponse response(Monitor m) {
        return Monitors.toResponse(m, windowSize(m));
    }
}
