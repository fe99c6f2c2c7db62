package dev.gyre.serving.deployment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.registry.ModelVersionResponse;
import dev.gyre.api.registry.RegistryApi;
import dev.gyre.core.bundle.BundleIntegrityException;
import dev.gyre.core.bundle.BundleLimits;
import dev.gyre.core.bundle.ModelBundle;
import dev.gyre.core.bundle.ModelBundles;
import dev.gyre.core.bundle.Predictor;
import dev.gyre.serving.ServingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

/**
 * Where models come from: resolves an alias or version through registry-service, downloads the bundle
 * and reads it with gyre-core, which checks it against the digest the registry recorded. Every failure
 * becomes a problem naming registry-service or the model at fault.
 */
@Component
class ModelSource {
    static final String REGISTRY = "registry-service";
    private static final Logger log = LoggerFactory.getLogger(ModelSource.class);

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
            String actual = ModelBundles.sha256(bytes);
            if (!actual.equals(normalized(target.sha256()))) {
                throw badGateway(ProblemCode.BUNDLE_DIGEST_MISMATCH, "the bundle of " + model + " version " + target.version()
                                + " from " + REGISTRY + " has sha256 " + actual + " but the registry recorded "
                                + target.sha256(),
                        Map.of("model", model, "version", target.version(), "expected", String.valueOf(target.sha256()),
                                "actual", actual));
            }
            throw badGateway(ProblemCode.INVALID_BUNDLE, "the bundle of " + model + " version " + target.version()
                    + " cannot be read: " + e.getMessage(), Map.of("model", model, "version", target.version()));
        }
        return new LoadedModel(model, target.version(), normalized(target.sha256()), new Predictor(bundle));
    }

    private static String normalized(String sha256) {
        String s = sha256 == null ? "" : sha256.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("sha256:") ? s.substring("sha256:".length()) : s;
    }

    private static <T> T call(Supplier<T> request, String model, String field, Object value) {
        try {
            return request.get();
        } catch (HttpStatusCodeException e) {
            if (e.getStatusCode().value() == 404) {
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("field", field);
                props.put("model", model);
                props.put(field, value);
                String registryDetail = registryDetail(e);
                throw Problems.of(ProblemCode.NOT_FOUND, REGISTRY + " has no model '" + model
                        + "' with " + field + " '" + value + "'" + (registryDetail == null ? "" : ": " + registryDetail),
                        props);
            }
            log.warn("{} answered {} for model {} {} {}", REGISTRY, e.getStatusCode(), model, field, value);
            throw badGateway(ProblemCode.REGISTRY_ERROR, REGISTRY + " answered " + e.getStatusCode().value()
                    + " for model '" + model + "' " + field + " '" + value + "'", Map.of("service", REGISTRY));
        } catch (ResourceAccessException e) {
            throw Problems.of(ProblemCode.REGISTRY_UNAVAILABLE, REGISTRY
                    + " is unreachable: " + e.getMessage(), Map.of("service", REGISTRY));
        } catch (RestClientException e) {
            throw badGateway(ProblemCode.REGISTRY_ERROR, REGISTRY + " sent an unreadable answer for model '" + model + "': "
                    + e.getMessage(), Map.of("service", REGISTRY));
        }
    }

    private static String registryDetail(HttpStatusCodeException e) {
        try {
            ProblemDetail problem = e.getResponseBodyAs(ProblemDetail.class);
            return problem == null ? null : problem.getDetail();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static ErrorResponseException badGateway(ProblemCode code, String detail, Map<String, ?> properties) {
        return Problems.of(code, HttpStatus.BAD_GATEWAY, detail, properties);
    }
}
