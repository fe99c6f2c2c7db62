package dev.gyre.core.columnar;

import java.util.List;

import dev.gyre.core.profile.DatasetProfile;
import dev.gyre.core.table.RuleResult;
import dev.gyre.core.table.TableSchema;
import dev.gyre.core.table.ValidationIssue;

/**
 * What {@link VersionWriter} wrote: the row count, the version's columns in file order (a declared column keeps
 * its declared type and nullability, an undeclared one gets the inferred ones), the issues against the declared
 * schema (empty without one), each failed rule with its count, the profile, and how many rows a quarantine set
 * aside (written to the quarantine file; 0 when none). {@code valid}: no rule of severity error failed, but for
 * row rules whose failing rows were quarantined.
 */
public record WrittenVersion(long rows, TableSchema schema, List<ValidationIssue> issues, List<RuleResult> rules,
                             DatasetProfile profile, long quarantined, boolean valid) {
    public WrittenVersion {
        issues = List.copyOf(issues);
        rules = List.copyOf(rules);
    }
}
