package dev.gyre.api.monitoring;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** What serving-service (prediction log) and clients (ground truth) send to monitoring-service. */
@HttpExchange("/api/v1")
public interface MonitoringApi {

    /** Stores a batch of logged predictions; a record whose id is already stored is skipped (idempotent). */
    @PostExchange("/predictions")
    PredictionLogAck log(@RequestBody PredictionLogBatch batch);

    /** Stores ground truth for logged predictions; ids never logged are returned as {@code unknown}. */
    @PostExchange("/feedback")
    FeedbackAck feedback(@RequestBody FeedbackRequest request);
}
