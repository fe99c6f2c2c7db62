package dev.gyre.serving.deployment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.registry.ModelVersionResponse;
import dev.gyre.api.registry.RegistryApi;
import dev.gyre.boot.peer.Peer;
import dev.gyre.core.blob.Digests;
import dev.gyre.core.bundle.BundleIntegrityException;
import dev.gyre.core.bundle.BundleLimits;
import dev.gyre.core.bundle.ModelBundle;
import dev.gyre.core.bundle.ModelBundles;
import dev.gyre.core.bundle.Predictor;
import dev.gyre.serving.ServingProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Where models come from: resolves an alias or version through registry-service, downloads the bundle
 * and reads it with gyre-core, which checks it against the digest the registry recorded. Every failure
 * becomes a problem naming registry-service or the model at fault.
 */
@Component
class ModelSource {
    static final String REGISTRY = "registry-service";
    private static final Peer PEER = new Peer(REGISTRY);

    private final RegistryApi registry;
    private final BundleLimits limits;

    ModelSource(RegistryApi registry, ServingProperties properties) {
        this.registry = registry;
        this.limits = properties.bundle().limits();
    }

    /** The version {@code alias} points at, or version {@code version} when alias is null. */
    ModelVersionResponse resolve(String model, String alias, Integer version) {
        if (alias != null) {
            return call(() -> registry.versionByAlias(model, alias), model, "alias", alias);
        }
        return call(() -> registry.version(model, version), model, "version", version);
    }

    /** Downloads and verifies the bundle of {@code target}, ready to predict. */
    LoadedModel load(ModelVersionResponse target) {
        String model = target.model();
        ResponseEntity<byte[]> response = call(() -> registry.bundle(model, target.version()), model, "version",
                target.version());
        byte[] bytes = response.getBody();
        if (bytes == null || bytes.length == 0) {
            throw badGateway(ProblemCode.INVALID_BUNDLE, REGISTRY + " sent an empty bundle for " + model + " version "
                    + target.version(), Map.of("model", model, "version", target.version()));
        }
        ModelBundle bundle;
        try {
            bundle = ModelBundles.read(bytes, target.sha256(), limits);
        } catch (BundleIntegrityException e) {
            String actual = Digests.sha256Hex(bytes);
            if (!actual.equals(Digests.normalize(target.sha256()))) {
                throw badGateway(ProblemCode.BUNDLE_DIGEST_MISMATCH, "the bundle of " + model + " version " + target.version()
                                + " from " + REGISTRY + " has sha256 " + actual + " but the registry recorded "
                                + target.sha256(),
                        Map.of("model", model, "version", target.version(), "expected", String.valueOf(target.sha256()),
                                "actual", actual));
            }
            throw badGateway(ProblemCode.INVALID_BUNDLE, "the bundle of " + model + " version " + target.version()
                    + " cannot be read: " + e.getMessage(), Map.of("model", model, "version", target.version()));
        }
        return new LoadedModel(model, target.version(), Digests.normalize(target.sha256()), new Predictor(bundle));
    }

    private static <T> T call(Supplier<T> request, String model, String field, Object value) {
        return PEER.call("model '" + model + "' " + field + " '" + value + "'", request, 404, answer -> {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("field", field);
            props.put("model", model);
            props.put(field, value);
            return Problems.of(ProblemCode.NOT_FOUND, REGISTRY + " has no model '" + model
                    + "' with " + field + " '" + value + "'" + (answer.detail() == null ? "" : ": " + answer.detail()),
                    props);
        });
    }

    private static ErrorResponseException badGateway(ProblemCode code, String detail, Map<String, ?> properties) {
        return Problems.of(code, HttpStatus.BAD_GATEWAY, detail, properties);
    }
}
