package dev.gyre.registry.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.gyre.api.Names;
import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.registry.AliasRequest;
import dev.gyre.api.registry.ModelResponse;
import dev.gyre.api.registry.ModelVersionResponse;
import dev.gyre.registry.audit.AuditTrail;
import dev.gyre.registry.audit.EventType;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Promotion, rollback and retirement: moving and dropping aliases, archiving versions. Each change holds the
 * model's row lock, so "archive" and "point an alias at it" cannot interleave.
 */
@Service
@Transactional
public class ModelLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ModelLifecycle.class);

    private final RegisteredModelRepository models;
    private final ModelAliasRepository aliases;
    private final AuditTrail audit;
    private final ModelQueries queries;
    private final MeterRegistry meters;

    ModelLifecycle(RegisteredModelRepository models, ModelAliasRepository aliases, AuditTrail audit,
                   ModelQueries queries, MeterRegistry meters) {
        this.models = models;
        this.aliases = aliases;
        this.audit = audit;
        this.queries = queries;
        this.meters = meters;
    }

    public ModelResponse setAlias(String name, String alias, AliasRequest request, String actor) {
        Names.require("alias", alias);
        if (request == null || request.version() == null) {
            throw Problems.of(ProblemCode.MISSING_FIELD, "'version' is required", Map.of("field", "version"));
        }
        RegisteredModel model = lock(name);
        ModelVersion version = queries.requireVersion(model, request.version());
        if (version.getStage() == Stage.ARCHIVED) {
            throw Problems.of(ProblemCode.VERSION_ARCHIVED, "Version " + version.getVersion()
                    + " of model '" + name + "' is archived; an alias cannot point at it",
                    Map.of("model", name, "version", version.getVersion(), "alias", alias));
        }
        if (point(aliases, audit, model, alias, version.getVersion(), actor)) {
            meters.counter("gyre.registry.alias.moves", "action", "set").increment();
            log.info("Alias {}@{} now points at version {} (by {})", name, alias, version.getVersion(), actor);
        }
        return queries.toResponse(model);
    }

    public void removeAlias(String name, String alias, String actor) {
        RegisteredModel model = lock(name);
        ModelAlias existing = aliases.findByModelIdAndAlias(model.getId(), alias)
                .orElseThrow(() -> Problems.notFound("alias", name + "@" + alias));
        aliases.delete(existing);
        audit.record(model.getId(), EventType.ALIAS_REMOVED, existing.getVersion(), alias, actor,
                Map.of("from", existing.getVersion()));
        meters.counter("gyre.registry.alias.moves", "action", "removed").increment();
        log.info("Alias {}@{} (version {}) removed by {}", name, alias, existing.getVersion(), actor);
    }

    public ModelVersionResponse archive(String name, int number, String actor) {
        RegisteredModel model = lock(name);
        ModelVersion version = queries.requireVersion(model, number);
        if (version.getStage() == Stage.ARCHIVED) {
            return queries.toResponse(model, version);
        }
        List<String> pointing = aliases.findByModelIdOrderByAlias(model.getId()).stream()
                .filter(a -> a.getVersion() == number).map(ModelAlias::getAlias).toList();
        if (!pointing.isEmpty()) {
            throw Problems.of(ProblemCode.VERSION_ALIASED, "Version " + number + " of model '" + name
                    + "' cannot be archived while aliased as " + String.join(", ", pointing),
                    Map.of("model", name, "version", number, "aliases", pointing));
        }
        version.archive();
        audit.record(model.getId(), EventType.ARCHIVED, number, null, actor, Map.of());
        log.info("Model {} version {} archived by {}", name, number, actor);
        return queries.toResponse(model, version);
    }

    /**
     * Points {@code alias} at {@code version} and records it; call holding the model's row lock.
     *
     * @return false when the alias already pointed there (nothing changed, nothing recorded)
     */
    static boolean point(ModelAliasRepository aliases, AuditTrail audit, RegisteredModel model, String alias,
                         int version, String actor) {
        Optional<ModelAlias> existing = aliases.findByModelIdAndAlias(model.getId(), alias);
        Map<String, Object> details = new HashMap<>();
        details.put("to", version);
        if (existing.isPresent()) {
            if (existing.get().getVersion() == version) {
                return false;
            }
            details.put("from", existing.get().getVersion());
            existing.get().moveTo(version);
        } else {
            aliases.save(new ModelAlias(model.getId(), alias, version));
        }
        audit.record(model.getId(), EventType.ALIAS_SET, version, alias, actor, details);
        return true;
    }

    private RegisteredModel lock(String name) {
        return models.lockByName(name).orElseThrow(() -> Problems.notFound("model", name));
    }
}
