package dev.gyre.core.bundle;

import dev.gyre.core.features.FeatureSpec;
import org.tribuo.Model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A trained model with everything needed to serve it: the feature spec that turns records into
 * examples, its signature, evaluation metrics and provenance (dataset version, run id, code version...).
 * Maps are kept sorted by key so that the written bundle is deterministic.
 */
public record ModelBundle(Model<?> model, FeatureSpec spec, Signature signature, Map<String, Double> metrics,
                          Map<String, String> provenance) {
    public ModelBundle {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(signature, "signature");
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics == null ? Map.of() : metrics));
        provenance = Collections.unmodifiableMap(new TreeMap<>(provenance == null ? Map.of() : provenance));
    }

    /** A bundle whose signature is derived from the spec. */
    public static ModelBundle of(Model<?> model, FeatureSpec spec, Map<String, Double> metrics,
                                 Map<String, String> provenance) {
        return new ModelBundle(model, spec, Signature.of(spec), metrics, provenance);
    }
}
