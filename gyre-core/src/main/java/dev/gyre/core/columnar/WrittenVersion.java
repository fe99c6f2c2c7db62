package dev.gyre.core.columnar;

import java.util.List;

import dev.gyre.core.profile.DatasetProfile;
import dev.gyre.core.table.TableSchema;
import dev.gyre.core.table.ValidationIssue;

/**
 * What {@link VersionWriter} wrote: the row count, the version's columns in file order (a declared column keeps
 * its declared type and nullability, an undeclared one gets the inferred ones), the issues against the declared
 * schema (empty without one) and the profile.
 */
public record WrittenVersion(long rows, TableSchema schema, List<ValidationIssue> issues, DatasetProfile profile) {
    public WrittenVersion {
        issues = List.copyOf(issues);
    }
}
