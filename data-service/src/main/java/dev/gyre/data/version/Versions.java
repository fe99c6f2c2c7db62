package dev.gyre.data.version;

import java.util.List;

import dev.gyre.api.data.ColumnProfileResponse;
import dev.gyre.api.data.ColumnSpec;
import dev.gyre.api.data.ColumnType;
import dev.gyre.api.data.DatasetProfileResponse;
import dev.gyre.api.data.DatasetVersionResponse;
import dev.gyre.api.data.HistogramBinResponse;
import dev.gyre.api.data.CurationStepResponse;
import dev.gyre.api.data.Lineage;
import dev.gyre.api.data.RuleResult;
import dev.gyre.api.data.ValidationIssueResponse;
import dev.gyre.api.data.ValidationReport;
import dev.gyre.api.data.ValueCountResponse;
import dev.gyre.core.profile.ColumnProfile;
import dev.gyre.core.profile.DatasetProfile;
import dev.gyre.core.table.Column;
import dev.gyre.core.table.TableSchema;
import dev.gyre.core.table.ValidationIssue;
import dev.gyre.data.dataset.Schemas;

/** The one mapping of versions: gyre-core's results to their stored records, and stored versions to the wire. */
final class Versions {
    private Versions() {
    }

    static DatasetVersionResponse toResponse(String dataset, DatasetVersion v) {
        List<ValidationIssueResponse> issues = v.getIssues().stream().map(Versions::toWire).toList();
        List<RuleResult> rules = v.getRules() == null ? null : v.getRules().stream().map(r -> new RuleResult(
                r.rule(), r.column(), r.severity(), r.failingRows(), r.examples().stream()
                .map(e -> new RuleResult.Example(e.row(), e.value())).toList())).toList();
        return new DatasetVersionResponse(dataset, v.getVersion(), v.getContentHash(), v.getRows(),
                v.getColumns().stream().map(Versions::toWire).toList(), v.getStatus(),
                new ValidationReport(DatasetVersion.VALID.equals(v.getStatus()), issues, rules, v.getQuarantined()),
                new Lineage(v.getParentVersion(), v.getRecipe(), v.getSource(), v.getCuration() == null ? null
                        : v.getCuration().stream().map(s -> new CurationStepResponse(s.op(), s.rowsChanged(),
                        s.valuesChanged(), s.fitted())).toList()), v.getCreatedAt(), v.getSplits());
    }

    /** The version's columns as gyre-core's schema. */
    static TableSchema schema(DatasetVersion v) {
        return new TableSchema(v.getColumns().stream().map(c -> new Column(c.name(),
                dev.gyre.core.table.ColumnType.valueOf(c.type().toUpperCase(java.util.Locale.ROOT)),
                !Boolean.FALSE.equals(c.nullable()))).toList());
    }

    static StoredColumn stored(Column column) {
        return new StoredColumn(column.name(), Schemas.typeName(column.type()), column.nullable());
    }

    static ColumnSpec toWire(StoredColumn column) {
        return new ColumnSpec(column.name(), ColumnType.of(column.type()), column.nullable());
    }

    static StoredIssue stored(ValidationIssue issue) {
        return new StoredIssue(issue.rule(), issue.column(), issue.row(), issue.message(),
                issue.severity().name().toLowerCase(java.util.Locale.ROOT));
    }

    static ValidationIssueResponse toWire(StoredIssue issue) {
        return new ValidationIssueResponse(issue.rule(), issue.column(), issue.row(), issue.message(),
                issue.severity() == null ? "error" : issue.severity());
    }

    static StoredRule stored(dev.gyre.core.table.RuleResult rule) {
        return new StoredRule(rule.rule(), rule.column(), rule.severity().name().toLowerCase(java.util.Locale.ROOT),
                rule.failingRows(), rule.examples().stream()
                .map(e -> new StoredRule.Example(e.row(), e.value())).toList());
    }

    static StoredProfile stored(DatasetProfile profile) {
        return new StoredProfile(profile.rows(), profile.columns().stream().map(Versions::stored).toList());
    }

    private static StoredProfile.Column stored(ColumnProfile c) {
        List<StoredProfile.Bin> histogram = c.histogram() == null ? null : c.histogram().stream()
                .map(b -> new StoredProfile.Bin(b.lower(), b.upper(), b.count())).toList();
        List<StoredProfile.ValueCount> top = c.topValues() == null ? null : c.topValues().stream()
                .map(t -> new StoredProfile.ValueCount(t.value(), t.count())).toList();
        return new StoredProfile.Column(c.name(), Schemas.typeName(c.type()), c.count(), c.missing(), c.distinct(),
                c.mean(), c.std(), c.min(), c.max(), c.quantiles(), histogram, top,
                c.distinctApproximate() ? Boolean.TRUE : null);
    }

    static DatasetProfileResponse toWire(StoredProfile profile) {
        return new DatasetProfileResponse(profile.rows(), profile.columns().stream().map(Versions::toWire).toList());
    }

    private static ColumnProfileResponse toWire(StoredProfile.Column c) {
        List<HistogramBinResponse> histogram = c.histogram() == null ? null : c.histogram().stream()
                .map(b -> new HistogramBinResponse(b.lower(), b.upper(), b.count())).toList();
        List<ValueCountResponse> top = c.topValues() == null ? null : c.topValues().stream()
                .map(t -> new ValueCountResponse(t.value(), t.count())).toList();
        return new ColumnProfileResponse(c.name(), c.type(), c.count(), c.missing(), c.distinct(),
                c.mean(), c.std(), c.min(), c.max(), c.quantiles(), histogram, top, c.distinctApproximate());
    }
}
