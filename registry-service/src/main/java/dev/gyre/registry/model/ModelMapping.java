package dev.gyre.registry.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.gyre.api.registry.ModelLineage;
import dev.gyre.api.registry.ModelResponse;
import dev.gyre.api.registry.ModelStage;
import dev.gyre.api.registry.ModelVersionResponse;

/** The one mapping between the registry's stored models and versions and the wire. */
final class ModelMapping {
    private ModelMapping() {
    }

    static ModelResponse toResponse(RegisteredModel model, List<ModelAlias> modelAliases) {
        Map<String, Integer> map = new TreeMap<>();
        modelAliases.forEach(a -> map.put(a.getAlias(), a.getVersion()));
        return new ModelResponse(model.getName(), model.getDescription(), map, model.getLatestVersion(),
                model.getCreatedAt());
    }

    /** A version's response; {@code all} are the model's aliases, of which those pointing at it are listed. */
    static ModelVersionResponse toResponse(RegisteredModel model, ModelVersion v, List<ModelAlias> all) {
        List<String> pointing = all.stream().filter(a -> a.getVersion() == v.getVersion())
                .map(ModelAlias::getAlias).sorted().toList();
        return new ModelVersionResponse(model.getName(), v.getVersion(), v.getSha256(), v.getSizeBytes(),
                ModelStage.valueOf(v.getStage().name()), pointing, new LinkedHashMap<>(v.getMetrics()),
                v.getSignature(), lineage(v.getLineage()), v.getCreatedAt());
    }

    static StoredLineage stored(ModelLineage l) {
        return l == null ? null : new StoredLineage(l.dataset(), l.datasetVersion(), l.datasetContentHash(),
                l.trainingJob(), l.run(), l.algorithm(), l.codeVersion());
    }

    static ModelLineage lineage(StoredLineage l) {
        return l == null ? null : new ModelLineage(l.dataset(), l.datasetVersion(), l.datasetContentHash(),
                l.trainingJob(), l.run(), l.algorithm(), l.codeVersion());
    }
}
