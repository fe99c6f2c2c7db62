package dev.gyre.monitoring.prediction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.gyre.api.Names;
import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.monitoring.FeedbackAck;
import dev.gyre.api.monitoring.FeedbackItem;
import dev.gyre.api.monitoring.FeedbackRequest;
import dev.gyre.api.monitoring.PredictionLogAck;
import dev.gyre.api.monitoring.PredictionLogBatch;
import dev.gyre.api.monitoring.PredictionRecord;
import dev.gyre.core.table.Values;
import dev.gyre.monitoring.MonitoringProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;

/** Validates and stores prediction log batches and feedback. */
@Service
class PredictionLogService {
    private final PredictionLogStore store;
    private final MonitoringProperties properties;
    private final MeterRegistry meters;

    PredictionLogService(PredictionLogStore store, MonitoringProperties properties, MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.meters = meters;
    }

    PredictionLogAck log(PredictionLogBatch batch) {
        if (batch == null || batch.predictions() == null) {
            throw Problems.of(ProblemCode.MISSING_FIELD, "predictions is required", Map.of("field", "predictions"));
        }
        List<PredictionRecord> records = batch.predictions();
        if (records.size() > properties.maxBatchSize()) {
            throw Problems.of(ProblemCode.BATCH_TOO_LARGE, "a batch may carry at most " + properties.maxBatchSize()
                    + " predictions, got " + records.size(), Map.of("field", "predictions"));
        }
        for (int i = 0; i < records.size(); i++) {
            validate(records.get(i), i);
        }
        boolean[] stored = records.isEmpty() ? new boolean[0] : store.insert(records, Instant.now());
        Map<String, Integer> storedPerDeployment = new TreeMap<>();
        int total = 0;
        for (int i = 0; i < records.size(); i++) {
            if (stored[i]) {
                storedPerDeployment.merge(records.get(i).deployment(), 1, Integer::sum);
                total++;
            }
        }
        storedPerDeployment.forEach((deployment, n) -> Counter.builder("gyre.monitoring.predictions.logged")
                .description("Prediction log records stored (a retried record is not counted again)")
                .tag("deployment", deployment)
                .register(meters).increment(n));
        return new PredictionLogAck(records.size(), total);
    }

    private static void validate(PredictionRecord record, int index) {
        String at = "predictions[" + index + "]";
        if (record == null) {
            throw Problems.of(ProblemCode.INVALID_PREDICTION, at + " is null", Map.of("field", at, "index", index));
        }
        if (record.id() == null || record.id().isBlank()) {
            throw Problems.of(ProblemCode.INVALID_PREDICTION, at + ".id is required",
                    Map.of("field", at + ".id", "index", index));
        }
        if (record.id().length() > 200) {
            throw Problems.of(ProblemCode.INVALID_PREDICTION, at + ".id is longer than 200 characters",
                    Map.of("field", at + ".id", "index", index));
        }
        if (!Names.isValid(record.deployment())) {
            throw Problems.of(ProblemCode.INVALID_PREDICTION, at + ".deployment is required and must match "
                    + "[a-z0-9][a-z0-9._-]{0,62}, got '" + record.deployment() + "'",
                    Map.of("field", at + ".deployment", "index", index));
        }
    }

    FeedbackAck feedback(FeedbackRequest request) {
        if (request == null || request.items() == null) {
            throw Problems.of(ProblemCode.MISSING_FIELD, "items is required", Map.of("field", "items"));
        }
        List<FeedbackItem> items = request.items();
        Map<String, Object> actuals = new LinkedHashMap<>();
        Map<String, Double> numbers = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            FeedbackItem item = items.get(i);
            String at = "items[" + i + "]";
            if (item == null || item.predictionId() == null || item.predictionId().isBlank()) {
                throw Problems.of(ProblemCode.INVALID_FEEDBACK, at + ".predictionId is required",
                        Map.of("field", at + ".predictionId", "index", i));
            }
            Object actual = item.actual();
            if (!(actual instanceof String || actual instanceof Number || actual instanceof Boolean)
                    || (actual instanceof String s && s.isBlank())) {
                throw Problems.of(ProblemCode.INVALID_FEEDBACK, at + ".actual must be a label (string), a number "
                        + "or a boolean", Map.of("field", at + ".actual", "index", i));
            }
            actuals.put(item.predictionId(), actual);
            Double number = actual instanceof Number n ? Double.valueOf(n.doubleValue())
                    : actual instanceof String s ? Values.parseNumber(s) : null;
            numbers.put(item.predictionId(), number);
        }
        Set<String> known = store.existing(actuals.keySet());
        List<String> unknown = new ArrayList<>();
        for (String id : new LinkedHashSet<>(actuals.keySet())) {
            if (!known.contains(id)) {
                unknown.add(id);
                actuals.remove(id);
            }
        }
        if (!actuals.isEmpty()) {
            store.upsertFeedback(actuals, numbers);
        }
        meters.counter("gyre.monitoring.feedback.matched").increment(actuals.size());
        return new FeedbackAck(items.size(), actuals.size(), unknown);
    }
}
