package dev.gyre.monitoring.alert;

import java.time.Instant;
import java.util.UUID;

import dev.gyre.api.PageResponse;
import dev.gyre.api.monitoring.AlertResponse;
import dev.gyre.boot.page.Pages;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Raises and lists alerts. */
@Service
public class Alerts {
    /** Type of the alert raised when a drift report finds dataset drift. */
    public static final String DATA_DRIFT = "DATA_DRIFT";

    private final AlertRepository alerts;
    private final MeterRegistry meters;

    Alerts(AlertRepository alerts, MeterRegistry meters) {
        this.alerts = alerts;
        this.meters = meters;
    }

    /** Stores an alert (joining the caller's transaction). */
    @Transactional
    public AlertResponse raise(String deployment, String type, String message, UUID reportId, Instant at) {
        Alert alert = alerts.save(new Alert(UUID.randomUUID(), deployment, type, message, reportId, at));
        meters.counter("gyre.monitoring.alerts", "deployment", deployment, "type", type).increment();
        return response(alert);
    }

    /** Alerts, newest first. */
    @Transactional(readOnly = true)
    public PageResponse<AlertResponse> list(int page, int size) {
        return Pages.response(alerts.findAll(Pages.pageable(page, size,
                Sort.by(Sort.Order.desc("at"), Sort.Order.desc("id")))), Alerts::response);
    }

    private static AlertResponse response(Alert a) {
        return new AlertResponse(a.getId(), a.getDeployment(), a.getType(), a.getMessage(), a.getReportId(), a.getAt());
    }
}
