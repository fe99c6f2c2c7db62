package dev.gyre.core.ml;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A tunable parameter of an algorithm as shown in the catalog.
 *
 * @param type         {@code "int"}, {@code "double"} or {@code "string"}
 * @param defaultValue the value used when the parameter is not given (JSON property {@code default})
 * @param range        human-readable allowed values, e.g. {@code "[1, 1000]"}, {@code "(0, 1]"}, {@code "gini|entropy"}
 */
public record Hyperparameter(String name, String type, @JsonProperty("default") Object defaultValue, String range) {
}
