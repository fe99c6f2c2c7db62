package dev.gyre.api.training;

import jakarta.validation.constraints.Min;

public record DatasetRef(String name, @Min(value = 1, message = "must be 1 or more") int version) {
}
