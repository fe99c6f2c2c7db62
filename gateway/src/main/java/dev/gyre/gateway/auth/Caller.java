package dev.gyre.gateway.auth;

import java.util.Set;

/**
 * Who made a request, as the gateway tells the services in {@code X-Gyre-User}.
 *
 * @param user  the name forwarded to the services
 * @param roles what the caller may do; only {@code admin} exists so far
 */
record Caller(String user, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** The holder of the admin key. */
    public static Caller admin() {
        return new Caller("admin", Set.of("admin"));
    }
}
