package dev.gyre.api.training;

import jakarta.validation.constraints.Min;

/**
 * The dataset version a job trains on; {@code split} ({@code train}, {@code validation} or {@code test}) limits it to
 * the rows of one split of a version curated with a split, null for all rows.
 */
public record DatasetRef(String name, @Min(value = 1, message = "must be 1 or more") int version, String split) {
    public DatasetRef(String name, int version) {
        this(name, version, null);
    }
}
