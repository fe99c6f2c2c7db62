package dev.gyre.data.version;

import java.util.List;

/** A failed rule as stored in a version's jsonb {@code rule_results}, apart from the wire's RuleResult. */
record StoredRule(String rule, String column, String severity, long failingRows, List<Example> examples) {
    record Example(long row, String value) {
    }
}
