package dev.gyre.registry.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.gyre.api.Names;
import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.registry.ModelVersionResponse;
import dev.gyre.api.registry.RegisterModelRequest;
import dev.gyre.core.blob.BlobStore;
import dev.gyre.core.blob.Digests;
import dev.gyre.core.bundle.BundleIntegrityException;
import dev.gyre.core.bundle.BundleLimits;
import dev.gyre.core.bundle.BundleTooLargeException;
import dev.gyre.core.bundle.ModelBundle;
import dev.gyre.core.bundle.ModelBundles;
import dev.gyre.registry.audit.AuditTrail;
import dev.gyre.registry.audit.EventType;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers bundles as model versions. The bundle is verified in full with gyre-core first (zip structure, size
 * limits, every digest, the model loads; outside any transaction: it deserializes the model), so nothing is stored
 * and no alias moves for a bundle that cannot be served; then blob, model, version, alias and audit events are written in
 * one transaction holding the model's row lock, so concurrent registrations get consecutive numbers and the
 * same bytes registered twice give the same version.
 */
@Service
public class ModelRegistration {
    private static final Logger log = LoggerFactory.getLogger(ModelRegistration.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final RegisteredModelRepository models;
    private final ModelVersionRepository versions;
    private final ModelAliasRepository aliases;
    private final BlobStore blobs;
    private final AuditTrail audit;
    private final ModelQueries queries;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final BundleLimits limits;

    ModelRegistration(RegisteredModelRepository models, ModelVersionRepository versions,
                      ModelAliasRepository aliases, BlobStore blobs, AuditTrail audit, ModelQueries queries,
                      PlatformTransactionManager transactions, JsonMapper json, MeterRegistry meters,
                      BundleProperties bundleProperties) {
        this.models = models;
        this.versions = versions;
        this.aliases = aliases;
        this.blobs = blobs;
        this.audit = audit;
        this.queries = queries;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
        this.meters = meters;
        this.limits = bundleProperties.limits();
    }

    /** The version and whether this call created it (false: the same bundle was registered before). */
    public record Registered(ModelVersionResponse version, boolean created) {
    }

    public Registered register(String name, byte[] bundle, RegisterModelRequest metadata, String actor) {
        Names.require("name", name);
        if (metadata == null) {
            throw Problems.of(ProblemCode.MISSING_METADATA, "The part 'metadata' is required", Map.of("field", "metadata"));
        }
        if (metadata.alias() != null) {
            Names.require("alias", metadata.alias());
        }
        if (metadata.metrics() != null && metadata.metrics().values().stream().anyMatch(m -> m == null || !Double.isFinite(m))) {
            throw Problems.of(ProblemCode.INVALID_METRICS, "Every metric must be a finite number",
                    Map.of("field", "metrics"));
        }
        String sha256 = Digests.sha256Hex(bundle);
        ModelBundle read = verify(name, bundle, sha256);
        Map<String, Object> signature = json.convertValue(read.signature(), MAP);
        Map<String, Double> metrics = metadata.metrics() == null || metadata.metrics().isEmpty()
                ? read.metrics() : metadata.metrics();

        Registered registered = transaction.execute(status -> {
            models.createIfAbsent(name, blankToNull(metadata.description()));
            RegisteredModel model = models.lockByName(name).orElseThrow();
            Optional<ModelVersion> existing = versions.findByModelIdAndSha256(model.getId(), sha256);
            if (existing.isPresent()) {
                return new Registered(queries.toResponse(model, existing.get()), false);
            }
            if (blankToNull(metadata.description()) != null) {
                model.describe(metadata.description().strip());
            }
            blobs.put(bundle);
            ModelVersion version = versions.save(new ModelVersion(model.getId(), model.nextVersion(), sha256,
                    bundle.length, new LinkedHashMap<>(metrics), signature, ModelMapping.stored(metadata.lineage())));
            audit.record(model.getId(), EventType.REGISTERED, version.getVersion(), null, actor,
                    Map.of("sha256", sha256, "sizeBytes", bundle.length));
            if (metadata.alias() != null) {
                if (ModelLifecycle.point(aliases, audit, model, metadata.alias(), version.getVersion(), actor)) {
                    meters.counter("gyre.registry.alias.moves", "action", "set").increment();
                }
            }
            return new Registered(queries.toResponse(model, version), true);
        });
        meters.counter("gyre.registry.registrations", "outcome", registered.created() ? "created" : "existing")
                .increment();
        if (registered.created()) {
            log.info("Registered model {} version {} ({} bytes, sha256 {}) by {}", name,
                    registered.version().version(), bundle.length, sha256, actor);
        }
        return registered;
    }

    private ModelBundle verify(String name, byte[] bundle, String sha256) {
        if (bundle == null || bundle.length == 0) {
            meters.counter("gyre.registry.registrations", "outcome", "invalid").increment();
            throw Problems.of(ProblemCode.INVALID_BUNDLE, "The part 'bundle' is empty", Map.of("field", "bundle"));
        }
        try {
            return ModelBundles.read(bundle, sha256, limits);
        } catch (BundleTooLargeException e) {
            meters.counter("gyre.registry.registrations", "outcome", "invalid").increment();
            throw Problems.of(ProblemCode.BUNDLE_TOO_LARGE, "The part 'bundle' is refused unread: "
                    + e.getMessage(), Map.of("field", "bundle", "limit", e.limit()));
        } catch (BundleIntegrityException e) {
            meters.counter("gyre.registry.registrations", "outcome", "invalid").increment();
            throw Problems.of(ProblemCode.INVALID_BUNDLE, "The part 'bundle' is not a valid Gyre model bundle: "
                    + e.getMessage(), Map.of("field", "bundle"));
        } catch (RuntimeException e) {
            // whatever else a hostile or truncated upload makes Tribuo throw is still bad input, not a 500
            log.warn("Bundle for model {} failed to load: {}", name, e.toString());
            meters.counter("gyre.registry.registrations", "outcome", "invalid").increment();
            throw Problems.of(ProblemCode.INVALID_BUNDLE, "The part 'bundle' is not a valid Gyre model bundle: "
                    + "its model cannot be loaded", Map.of("field", "bundle"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
