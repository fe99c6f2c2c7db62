package dev.gyre.api.training;

public record RegisterSpec(String model, String alias) {
}
