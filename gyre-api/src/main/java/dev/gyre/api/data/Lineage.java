package dev.gyre.api.data;

import java.util.Map;

/** Where a version came from: its parent version and the recipe that derived it (both null for an ingest). */
public record Lineage(Integer parent, Map<String, Object> recipe, String source) {
}
