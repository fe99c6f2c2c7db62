package dev.gyre.data.version;

import java.util.List;

import dev.gyre.api.data.ColumnProfileResponse;
import dev.gyre.api.data.DatasetProfileResponse;
import dev.gyre.api.data.DatasetVersionResponse;
import dev.gyre.api.data.HistogramBinResponse;
import dev.gyre.api.data.Lineage;
import dev.gyre.api.data.ValidationIssueResponse;
import dev.gyre.api.data.ValidationReport;
import dev.gyre.api.data.ValueCountResponse;
import dev.gyre.core.profile.ColumnProfile;
import dev.gyre.core.profile.DatasetProfile;
import dev.gyre.core.table.ValidationIssue;
import dev.gyre.data.dataset.Schemas;

/** Mapping of versions, profiles and issues to their wire records. */
final class Versions {
    private Versions() {
    }

    static DatasetVersionResponse toResponse(String dataset, DatasetVersion v) {
        return new DatasetVersionResponse(dataset, v.getVersion(), v.getContentHash(), v.getRows(), v.getColumns(),
                v.getStatus(), new ValidationReport(v.getIssues().isEmpty(), v.getIssues()),
                new Lineage(v.getParentVersion(), v.getRecipe(), v.getSource()), v.getCreatedAt());
    }

    static ValidationIssueResponse toResponse(ValidationIssue issue) {
        return new ValidationIssueResponse(issue.rule(), issue.column(), issue.row(), issue.message());
    }

    static DatasetProfileResponse toResponse(DatasetProfile profile) {
        return new DatasetProfileResponse(profile.rows(), profile.columns().stream().map(Versions::toResponse).toList());
    }

    private static ColumnProfileResponse toResponse(ColumnProfile c) {
        List<HistogramBinResponse> histogram = c.histogram() == null ? null : c.histogram().stream()
                .map(b -> new HistogramBinResponse(b.lower(), b.upper(), b.count())).toList();
        List<ValueCountResponse> top = c.topValues() == null ? null : c.topValues().stream()
                .map(t -> new ValueCountResponse(t.value(), t.count())).toList();
        return new ColumnProfileResponse(c.name(), Schemas.typeName(c.type()), c.count(), c.missing(), c.distinct(),
                c.mean(), c.std(), c.min(), c.max(), c.quantiles(), histogram, top);
    }
}
