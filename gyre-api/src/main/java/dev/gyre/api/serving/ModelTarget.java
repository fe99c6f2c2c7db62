package dev.gyre.api.serving;

/** A version of a deployment's model, by alias or by number (exactly one). */
public record ModelTarget(String alias, Integer version) {
}
