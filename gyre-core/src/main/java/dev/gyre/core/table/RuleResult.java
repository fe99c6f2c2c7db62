package dev.gyre.core.table;

import java.util.List;

/**
 * A rule a version failed: its name, its column (null for a rule of the whole dataset), severity, how many rows
 * failed it and the first of them with their value.
 */
public record RuleResult(String rule, String column, Severity severity, long failingRows, List<Example> examples) {
    public RuleResult {
        examples = List.copyOf(examples);
    }

    /** A failing row, 1-based in file order, and its value as text (null when missing). */
    public record Example(long row, String value) {
    }
}
