package dev.gyre.registry.model;

/** A version's life: registered ACTIVE; ARCHIVED once retired (and never aliased again). */
enum Stage {
    ACTIVE, ARCHIVED
}
