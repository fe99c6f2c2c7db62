package dev.gyre.api.data;

import java.util.List;

public record ValidationReport(boolean passed, List<ValidationIssueResponse> issues) {
}
