package dev.gyre.api.registry;

public record AliasRequest(Integer version) {
}
