package dev.gyre.api.data;

import java.util.List;
import java.util.Map;

/**
 * Where a version came from: its parent version, the recipe that derived it and what each of its steps did (all
 * null for an ingest), and its source ({@code upload}, {@code url}, {@code jdbc}, {@code curate}).
 */
public record Lineage(Integer parent, Map<String, Object> recipe, String source, List<CurationStepResponse> steps) {
}
