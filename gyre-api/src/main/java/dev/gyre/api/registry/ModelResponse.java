package dev.gyre.api.registry;

import java.time.Instant;
import java.util.Map;

/** A registered model with its aliases (alias → version). */
public record ModelResponse(String name, String description, Map<String, Integer> aliases, Integer latestVersion,
                            Instant createdAt) {
}
