package dev.gyre.serving.deployment;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps deployments in line with the registry every {@code gyre.serving.alias-refresh}: the first round,
 * right after start-up, reloads every stored deployment; later rounds follow moved aliases.
 */
@Component
class AliasFollower {
    private final DeploymentService deployments;

    AliasFollower(DeploymentService deployments) {
        this.deployments = deployments;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${gyre.serving.alias-refresh:5s}")
    void refresh() {
        deployments.reconcile();
    }
}
