package dev.gyre.serving.predict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.monitoring.PredictionRecord;
import dev.gyre.api.serving.PredictRequest;
import dev.gyre.api.serving.PredictResponse;
import dev.gyre.api.serving.PredictionResult;
import dev.gyre.core.bundle.Prediction;
import dev.gyre.core.features.FeatureValidationException;
import dev.gyre.serving.ServingProperties;
import dev.gyre.serving.deployment.DeploymentService;
import dev.gyre.serving.deployment.LoadedModel;
import dev.gyre.serving.deployment.LoadedModels;
import dev.gyre.serving.logging.PredictionLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Predicts with a deployment's loaded model. Validation and encoding are gyre-core's ({@code Predictor}
 * with the bundle's feature spec); this class only maps them to the REST shapes, logs each prediction
 * (a non-blocking enqueue) and measures.
 */
@Service
class PredictionService {
    private final LoadedModels loaded;
    private final DeploymentService deployments;
    private final PredictionLog predictionLog;
    private final MeterRegistry meters;
    private final int maxInstances;

    PredictionService(LoadedModels loaded, DeploymentService deployments, PredictionLog predictionLog,
                      MeterRegistry meters, ServingProperties properties) {
        this.loaded = loaded;
        this.deployments = deployments;
        this.predictionLog = predictionLog;
        this.meters = meters;
        this.maxInstances = properties.maxInstances();
    }

    PredictResponse predict(String deployment, PredictRequest request) {
        List<Map<String, Object>> instances = request == null ? null : request.instances();
        if (instances == null || instances.isEmpty()) {
            throw Problems.of(ProblemCode.MISSING_INSTANCES, "'instances' must hold at least one record",
                    Map.of("field", "instances"));
        }
        if (instances.size() > maxInstances) {
            throw Problems.of(ProblemCode.TOO_MANY_INSTANCES, instances.size()
                    + " instances in one request; at most " + maxInstances, Map.of("field", "instances",
                    "max", maxInstances));
        }
        LoadedModel model = loaded.get(deployment).orElseThrow(() -> deployments.exists(deployment)
                ? Problems.of(ProblemCode.DEPLOYMENT_NOT_READY, "deployment '" + deployment
                + "' is not loaded yet (or its last load failed); see GET /api/v1/deployments/" + deployment)
                : Problems.notFound("deployment", deployment));

        long start = System.nanoTime();
        List<Prediction> predictions;
        try {
            predictions = model.predictor().predict(instances);
        } catch (FeatureValidationException e) {
            List<Map<String, Object>> errors = e.errors().stream()
                    .map(error -> Map.<String, Object>of("instance", error.instance() == null ? 0 : error.instance(),
                            "field", error.field(), "message", error.message()))
                    .toList();
            throw Problems.of(ProblemCode.INVALID_INSTANCES, e.getMessage(), Map.of("errors", errors));
        }
        Instant now = Instant.now();
        List<PredictionResult> results = new ArrayList<>(predictions.size());
        for (int i = 0; i < predictions.size(); i++) {
            Prediction p = predictions.get(i);
            String id = UUID.randomUUID().toString();
            results.add(new PredictionResult(id, p.label(), p.value(), p.scores()));
            predictionLog.offer(new PredictionRecord(id, deployment, model.model(), model.version(), now,
                    instances.get(i), p.label(), p.value(), p.scores()));
        }
        Timer.builder("gyre.serving.predict").tag("deployment", deployment)
                .description("Time to validate and predict one request").register(meters)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        Counter.builder("gyre.serving.predictions").tag("deployment", deployment)
                .description("Instances predicted").register(meters).increment(results.size());
        return new PredictResponse(results, new PredictResponse.ServedModel(model.model(), model.version()));
    }
}
