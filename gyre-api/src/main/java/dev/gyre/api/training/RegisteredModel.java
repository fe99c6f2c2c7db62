package dev.gyre.api.training;

public record RegisteredModel(String model, int version, String alias) {
}
