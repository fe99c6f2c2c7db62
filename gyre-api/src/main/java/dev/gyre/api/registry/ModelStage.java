package dev.gyre.api.registry;

/** A model version's stage: ACTIVE, or ARCHIVED once retired. Written by name, as the services have always answered it. */
public enum ModelStage {
    ACTIVE, ARCHIVED
}
