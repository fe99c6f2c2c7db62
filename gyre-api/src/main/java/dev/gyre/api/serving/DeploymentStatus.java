package dev.gyre.api.serving;

/** A deployment's state: READY (loaded and serving), LOADING, or FAILED (see its error). Written by name, as the services have always answered it. */
public enum DeploymentStatus {
    READY, LOADING, FAILED
}
