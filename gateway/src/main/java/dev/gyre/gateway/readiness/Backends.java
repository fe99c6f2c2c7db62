package dev.gyre.gateway.readiness;

import java.net.URI;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The backends the routes point at ({@code gyre.services.*}), by short name: {@code data} is data-service.
 */
@ConfigurationProperties("gyre")
record Backends(Map<String, URI> services) {

    Backends {
        services = services == null ? Map.of() : Map.copyOf(services);
    }
}
