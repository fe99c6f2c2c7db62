package dev.gyre.api.data;

import java.util.List;

/**
 * A rule a version failed: which, on which column (null for a rule of the whole dataset), its severity
 * ({@code "error"} or {@code "warning"}), how many rows failed it, and the first of them (row is 1-based, in file
 * order) with their value.
 */
public record RuleResult(String rule, String column, String severity, long failingRows, List<Example> examples) {
    /** A failing row and its value as text (null when missing). */
    public record Example(long row, String value) {
    }
}
