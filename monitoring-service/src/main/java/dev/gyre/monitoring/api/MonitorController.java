package dev.gyre.monitoring.api;

import java.util.List;

import dev.gyre.api.PageResponse;
import dev.gyre.api.monitoring.AlertResponse;
import dev.gyre.api.monitoring.DriftReportResponse;
import dev.gyre.api.monitoring.MonitorApi;
import dev.gyre.api.monitoring.MonitorRequest;
import dev.gyre.api.monitoring.MonitorResponse;
import dev.gyre.api.monitoring.PerformanceResponse;
import dev.gyre.api.monitoring.RetrainingResponse;
import dev.gyre.monitoring.alert.Alerts;
import dev.gyre.monitoring.drift.DriftService;
import dev.gyre.monitoring.monitor.MonitorService;
import dev.gyre.monitoring.performance.PerformanceService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/monitors/**} and {@code /api/v1/alerts}: the mappings come from {@link MonitorApi}. */
@RestController
class MonitorController implements MonitorApi {
    private final MonitorService monitors;
    private final DriftService drift;
    private final PerformanceService performance;
    private final Alerts alerts;

    MonitorController(MonitorService monitors, DriftService drift, PerformanceService performance, Alerts alerts) {
        this.monitors = monitors;
        this.drift = drift;
        this.performance = performance;
        this.alerts = alerts;
    }

    @Override
    public ResponseEntity<MonitorResponse> put(String deployment, MonitorRequest request) {
        MonitorService.Saved saved = monitors.put(deployment, request);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.monitor());
    }

    @Override
    public MonitorResponse monitor(String deployment) {
        return monitors.get(deployment);
    }

    @Override
    public PageResponse<MonitorResponse> monitors(int page, int size) {
        return monitors.list(page, size);
    }

    @Override
    public DriftReportResponse evaluate(String deployment) {
        return drift.evaluate(deployment);
    }

    @Override
    public DriftReportResponse drift(String deployment) {
        monitors.find(deployment);
        return drift.latest(deployment);
    }

    @Override
    public PerformanceResponse performance(String deployment) {
        monitors.find(deployment);
        return performance.performance(deployment);
    }

    @Override
    public List<RetrainingResponse> retrainings(String deployment) {
        monitors.find(deployment);
        return List.of(); // retraining arrives with a later issue
    }

    @Override
    public PageResponse<AlertResponse> alerts(int page, int size) {
        return alerts.list(page, size);
    }
}
