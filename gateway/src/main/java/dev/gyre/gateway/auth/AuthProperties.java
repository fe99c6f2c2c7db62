package dev.gyre.gateway.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Authentication settings.
 *
 * @param adminKey the admin's bearer key ({@code GYRE_ADMIN_KEY}); required
 */
@ConfigurationProperties("gyre.gateway")
record AuthProperties(String adminKey) {
}
