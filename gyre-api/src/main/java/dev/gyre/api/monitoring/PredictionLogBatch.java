package dev.gyre.api.monitoring;

import java.util.List;

/** {@code POST /api/v1/predictions}: what serving-service sends, in batches. */
public record PredictionLogBatch(List<PredictionRecord> predictions) {
}
