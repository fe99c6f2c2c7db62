package dev.gyre.gateway.auth;

import java.util.Optional;

/**
 * The keys the gateway accepts. One implementation holds the configured admin key; a store of
 * per-user keys with roles can replace it without touching the filter.
 */
interface ApiKeys {

    /** The caller a presented bearer key belongs to, or empty when no key matches. */
    Optional<Caller> authenticate(String presentedKey);
}
