package dev.gyre.registry.model;

import dev.gyre.api.registry.ModelStage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.gyre.api.PageResponse;
import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.registry.ModelResponse;
import dev.gyre.api.registry.ModelVersionResponse;
import dev.gyre.boot.page.Pages;
import dev.gyre.core.blob.BlobCorruptedException;
import dev.gyre.core.blob.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of models, versions, aliases and bundles, as the records the API returns. */
@Service
@Transactional(readOnly = true)
public class ModelQueries {
    private static final Logger log = LoggerFactory.getLogger(ModelQueries.class);

    private final RegisteredModelRepository models;
    private final ModelVersionRepository versions;
    private final ModelAliasRepository aliases;
    private final BlobStore blobs;

    ModelQueries(RegisteredModelRepository models, ModelVersionRepository versions, ModelAliasRepository aliases,
                 BlobStore blobs) {
        this.models = models;
        this.versions = versions;
        this.aliases = aliases;
        this.blobs = blobs;
    }

    /** A version's bundle bytes, verified against the digest they were stored under. */
    public record Bundle(String model, int version, String sha256, byte[] bytes) {
    }

    /** The model's row id (what its audit trail is kept under), or a 404 problem. */
    public Long id(String name) {
        return require(name).getId();
    }

    RegisteredModel require(String name) {
        return models.findByName(name).orElseThrow(() -> Problems.notFound("model", name));
    }

    public ModelResponse model(String name) {
        RegisteredModel model = require(name);
        return ModelMapping.toResponse(model, aliases.findByModelIdOrderByAlias(model.getId()));
    }

    public PageResponse<ModelResponse> models(Pageable pageable) {
        Page<RegisteredModel> page = models.findAll(pageable);
        Map<Long, List<ModelAlias>> byModel = aliases.findByModelIdInOrderByAlias(
                        page.getContent().stream().map(RegisteredModel::getId).toList()).stream()
                .collect(Collectors.groupingBy(ModelAlias::getModelId));
        List<ModelResponse> items = page.getContent().stream()
                .map(m -> ModelMapping.toResponse(m, byModel.getOrDefault(m.getId(), List.of())))
                .toList();
        return Pages.response(page, items);
    }

    public List<ModelVersionResponse> versions(String name) {
        RegisteredModel model = require(name);
        List<ModelAlias> all = aliases.findByModelIdOrderByAlias(model.getId());
        List<ModelVersionResponse> out = new ArrayList<>();
        for (ModelVersion v : versions.findByModelIdOrderByVersion(model.getId())) {
            out.add(ModelMapping.toResponse(model, v, all));
        }
        return out;
    }

    public ModelVersionResponse version(String name, int version) {
        RegisteredModel model = require(name);
        return toResponse(model, requireVersion(model, version));
    }

    public ModelVersionResponse versionByAlias(String name, String alias) {
        RegisteredModel model = require(name);
        ModelAlias found = aliases.findByModelIdAndAlias(model.getId(), alias)
                .orElseThrow(() -> Problems.notFound("alias", name + "@" + alias));
        return toResponse(model, requireVersion(model, found.getVersion()));
    }

    /**
     * The bundle of a version. Content that no longer matches its digest is never served: it becomes a
     * 500 {@code bundle-corrupted} problem naming the version, and an error in the log.
     */
    public Bundle bundle(String name, int version) {
        ModelVersion v = requireVersion(require(name), version);
        byte[] bytes;
        try {
            bytes = blobs.get(v.getSha256()).orElse(null);
        } catch (BlobCorruptedException e) {
            log.error("Bundle of model {} version {} is corrupted in the blob store: {}", name, version,
                    e.getMessage());
            throw corrupted(name, version, v.getSha256(), "its stored content no longer matches its sha256");
        }
        if (bytes == null) {
            log.error("Bundle {} of model {} version {} is missing from the blob store", v.getSha256(), name, version);
            throw corrupted(name, version, v.getSha256(), "its stored content is missing");
        }
        return new Bundle(name, version, v.getSha256(), bytes);
    }

    ModelVersion requireVersion(RegisteredModel model, int version) {
        return versions.findByModelIdAndVersion(model.getId(), version)
                .orElseThrow(() -> Problems.notFound("version", model.getName() + "/" + version));
    }

    ModelResponse toResponse(RegisteredModel model) {
        return ModelMapping.toResponse(model, aliases.findByModelIdOrderByAlias(model.getId()));
    }

    ModelVersionResponse toResponse(RegisteredModel model, ModelVersion version) {
        return ModelMapping.toResponse(model, version, aliases.findByModelIdOrderByAlias(model.getId()));
    }

    private static RuntimeException corrupted(String name, int version, String sha256, String why) {
        return Problems.of(ProblemCode.BUNDLE_CORRUPTED,
                "The bundle of model '" + name + "' version " + version + " cannot be served: " + why,
                Map.of("model", name, "version", version, "sha256", sha256));
    }
}
