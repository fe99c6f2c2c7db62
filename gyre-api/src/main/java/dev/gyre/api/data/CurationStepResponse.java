package dev.gyre.api.data;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one step of a curation recipe did: rows it removed, values it changed and, for a step that learns from the
 * data, what it fitted ({@code fills} of impute, {@code bounds} of outliers, {@code edges} of bin, the {@code kept}
 * and {@code dropped} columns of select); absent for the other steps.
 */
public record CurationStepResponse(String op, long rowsChanged, long valuesChanged,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> fitted) {
}
