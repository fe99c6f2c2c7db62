package dev.gyre.serving.deployment;

/** Whether a deployment's version is loaded and serving. */
enum DeploymentStatus {
    /** Recorded but not (yet) loaded in this instance, e.g. just after a restart. */
    LOADING,
    READY,
    /** The last load failed; {@code error} says why. */
    FAILED
}
