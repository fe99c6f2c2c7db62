package dev.gyre.api.serving;

/**
 * {@code PUT /api/v1/deployments/{name}}: serve {@code model} by {@code alias} (followed when it moves)
 * or pinned to {@code version}; exactly one of the two. {@code strategy} absent means single.
 */
public record DeploymentRequest(String model, String alias, Integer version, StrategySpec strategy) {
}
