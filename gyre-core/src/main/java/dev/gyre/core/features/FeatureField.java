package dev.gyre.core.features;

import java.util.List;
import java.util.Objects;

/**
 * One input field of a {@link FeatureSpec}, with what was learned about it from the training data.
 *
 * @param required   true when the field was never missing in the training rows: it must be present
 *                   at prediction time
 * @param mean       numeric fields: the training mean, imputed for a missing value
 * @param mode       categorical and boolean fields: the most frequent training value (ties: the
 *                   smallest in string order), imputed for a missing value; booleans as "true"/"false"
 * @param categories categorical fields: the sorted distinct training values; empty otherwise
 */
public record FeatureField(String name, FeatureKind kind, boolean required, Double mean, String mode,
                           List<String> categories) {
    public FeatureField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
