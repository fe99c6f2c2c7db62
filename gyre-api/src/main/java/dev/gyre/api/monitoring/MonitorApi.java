package dev.gyre.api.monitoring;

import java.util.List;

import dev.gyre.api.PageResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/** monitoring-service's monitors, drift reports, performance and alerts. */
@HttpExchange("/api/v1")
public interface MonitorApi {

    /** Creates (201) or updates (200) the monitor of a deployment. */
    @PutExchange("/monitors/{deployment}")
    ResponseEntity<MonitorResponse> put(@PathVariable String deployment, @RequestBody MonitorRequest request);

    @GetExchange("/monitors/{deployment}")
    MonitorResponse monitor(@PathVariable String deployment);

    @GetExchange("/monitors")
    PageResponse<MonitorResponse> monitors(@RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "20") int size);

    /** Evaluates drift now over the monitor's window; 409 {@code no-predictions} when nothing was logged. */
    @PostExchange("/monitors/{deployment}/evaluate")
    DriftReportResponse evaluate(@PathVariable String deployment);

    /** The latest drift report (404 if none). */
    @GetExchange("/monitors/{deployment}/drift")
    DriftReportResponse drift(@PathVariable String deployment);

    /** Metrics over the logged predictions that have feedback. */
    @GetExchange("/monitors/{deployment}/performance")
    PerformanceResponse performance(@PathVariable String deployment);

    /** Retrain attempts (none are made yet). */
    @GetExchange("/monitors/{deployment}/retrainings")
    List<RetrainingResponse> retrainings(@PathVariable String deployment);

    /** Alerts raised, newest first. */
    @GetExchange("/alerts")
    PageResponse<AlertResponse> alerts(@RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "20") int size);
}
