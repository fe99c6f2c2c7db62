package dev.gyre.api.data;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A version's validation against its dataset's declared schema: {@code passed} when no rule of severity error
 * failed (warnings may have); the issues one by one, each rule failed with its count and example rows, and the
 * number of rows a quarantining validation set aside (null when none were).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidationReport(boolean passed, List<ValidationIssueResponse> issues, List<RuleResult> rules,
                               Long quarantined) {
}
