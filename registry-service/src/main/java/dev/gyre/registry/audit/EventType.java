package dev.gyre.registry.audit;

/** What happened to a model. */
public enum EventType {
    REGISTERED, ALIAS_SET, ALIAS_REMOVED, ARCHIVED
}
