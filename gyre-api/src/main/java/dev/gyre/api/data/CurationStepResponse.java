package dev.gyre.api.data;

/** What one step of a curation recipe did: rows it removed and values it changed. */
public record CurationStepResponse(String op, long rowsChanged, long valuesChanged) {
}
