package dev.gyre.gateway.auth;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The only requests the gateway answers without a key: reads of health, the Swagger UI and the OpenAPI documents.
 * Matched with the same path patterns, on the same decoded path, as the routes, so a path is public exactly when
 * what it routes to is.
 */
final class PublicPaths {

    private static final List<PathPattern> PATTERNS = parse(
            "/actuator/health", "/actuator/health/**",
            "/swagger-ui.html", "/swagger-ui/**", "/webjars/**",
            "/gateway/api-docs", "/gateway/api-docs/**",
            "/v3/api-docs/data-service", "/v3/api-docs/training-service", "/v3/api-docs/registry-service",
            "/v3/api-docs/serving-service", "/v3/api-docs/monitoring-service");

    private PublicPaths() {
    }

    static boolean isPublic(HttpMethod method, PathContainer path) {
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return false;
        }
        return PATTERNS.stream().anyMatch(pattern -> pattern.matches(path));
    }

    private static List<PathPattern> parse(String... patterns) {
        PathPatternParser parser = new PathPatternParser();
        return List.of(patterns).stream().map(parser::parse).toList();
    }
}
