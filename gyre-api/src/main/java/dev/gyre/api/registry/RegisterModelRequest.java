package dev.gyre.api.registry;

import java.util.Map;

/** The {@code metadata} part of {@code POST /api/v1/models/{name}/versions}; the {@code bundle} part holds the bytes. */
public record RegisterModelRequest(String description, Map<String, Double> metrics, ModelLineage lineage,
                                   String alias) {
}
