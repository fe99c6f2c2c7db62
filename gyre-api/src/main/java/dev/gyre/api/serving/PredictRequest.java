package dev.gyre.api.serving;

import java.util.List;
import java.util.Map;

/** {@code POST /api/v1/deployments/{name}/predict}: the records to predict, fields as in the model's signature. */
public record PredictRequest(List<Map<String, Object>> instances) {
}
