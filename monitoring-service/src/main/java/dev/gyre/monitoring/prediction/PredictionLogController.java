package dev.gyre.monitoring.prediction;

import dev.gyre.api.monitoring.FeedbackAck;
import dev.gyre.api.monitoring.FeedbackRequest;
import dev.gyre.api.monitoring.MonitoringApi;
import dev.gyre.api.monitoring.PredictionLogAck;
import dev.gyre.api.monitoring.PredictionLogBatch;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/predictions} and {@code /api/v1/feedback}: the mappings come from {@link MonitoringApi}. */
@RestController
class PredictionLogController implements MonitoringApi {
    private final PredictionLogService service;

    PredictionLogController(PredictionLogService service) {
        this.service = service;
    }

    @Override
    public PredictionLogAck log(PredictionLogBatch batch) {
        return service.log(batch);
    }

    @Override
    public FeedbackAck feedback(FeedbackRequest request) {
        return service.feedback(request);
    }
}
