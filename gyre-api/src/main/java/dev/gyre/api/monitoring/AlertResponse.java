package dev.gyre.api.monitoring;

import java.time.Instant;
import java.util.UUID;

/** An alert raised by monitoring, e.g. {@code type} "DATA_DRIFT" with the report that raised it. */
public record AlertResponse(UUID id, String deployment, String type, String message, UUID reportId, Instant at) {
}
