package dev.gyre.core.features;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How a field becomes Tribuo features. Written in JSON in lower case. */
public enum FeatureKind {
    /** One feature named after the field, holding the number. */
    NUMERIC,
    /** One-hot: a feature {@code name=value} with value 1 for the category present. */
    CATEGORICAL,
    /** One feature named after the field, 1 for true and 0 for false. */
    BOOLEAN;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FeatureKind of(String value) {
        for (FeatureKind kind : values()) {
            if (kind.name().equalsIgnoreCase(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown feature kind '" + value + "'");
    }
}
