package dev.gyre.api.registry;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a model's audit trail. {@code type} is REGISTERED, ALIAS_SET, ALIAS_REMOVED or ARCHIVED;
 * {@code alias} is set for alias events; {@code actor} is the gateway's {@code X-Gyre-User} or "anonymous".
 */
public record ModelEventResponse(String type, int version, String alias, String actor, Instant at,
                                 Map<String, Object> details) {
}
