package dev.gyre.api.training;

public record DatasetRef(String name, int version) {
}
