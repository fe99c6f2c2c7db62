package dev.gyre.serving.deployment;

import dev.gyre.api.serving.DeploymentResponse;
import dev.gyre.api.serving.ModelTarget;
import dev.gyre.api.serving.StrategySpec;
import dev.gyre.api.serving.StrategyType;

/** The one mapping between stored deployments and the wire. */
final class Deployments {
    private Deployments() {
    }

    /** The response for a deployment, with the status this instance sees (loaded or not). */
    static DeploymentResponse toResponse(Deployment d, DeploymentStatus status) {
        return new DeploymentResponse(d.getName(), d.getModel(), d.getAlias(), d.getVersion(), d.getSha256(),
                dev.gyre.api.serving.DeploymentStatus.valueOf(status.name()), strategy(d.getStrategy()),
                d.getPreviousVersion(), d.getError(), d.getUpdatedAt());
    }

    static StoredStrategy stored(StrategySpec spec) {
        ModelTarget c = spec.candidate();
        return new StoredStrategy(spec.type().json(), c == null ? null : new StoredStrategy.Candidate(c.alias(), c.version()),
                spec.trafficPercent());
    }

    static StrategySpec strategy(StoredStrategy stored) {
        StoredStrategy.Candidate c = stored.candidate();
        return new StrategySpec(StrategyType.of(stored.type()), c == null ? null : new ModelTarget(c.alias(), c.version()),
                stored.trafficPercent());
    }
}
