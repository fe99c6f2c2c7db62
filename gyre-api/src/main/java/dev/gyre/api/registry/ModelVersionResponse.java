package dev.gyre.api.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A model version. {@code signature} is the bundle's input/output signature as JSON
 * ({@code {task, inputs:[{name,type,required}], outputLabels}}).
 */
public record ModelVersionResponse(String model, int version, String sha256, long sizeBytes, ModelStage stage,
                                   List<String> aliases, Map<String, Double> metrics, Map<String, Object> signature,
                                   ModelLineage lineage, Instant createdAt) {
}
