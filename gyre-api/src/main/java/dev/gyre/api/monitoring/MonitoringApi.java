package dev.gyre.api.monitoring;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** What serving-service sends to monitoring-service. */
@HttpExchange("/api/v1")
public interface MonitoringApi {

    @PostExchange("/predictions")
    PredictionLogAck log(@RequestBody PredictionLogBatch batch);
}
