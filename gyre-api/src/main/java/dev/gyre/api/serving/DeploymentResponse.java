package dev.gyre.api.serving;

import java.time.Instant;

/**
 * A deployment's state. {@code status} is "READY" (the version is loaded and serving), "LOADING" or
 * "FAILED" (see {@code error}); {@code previousVersion} is the version served before the last change.
 */
public record DeploymentResponse(String name, String model, String alias, int version, String sha256, DeploymentStatus status,
                                 StrategySpec strategy, Integer previousVersion, String error, Instant updatedAt) {
}
